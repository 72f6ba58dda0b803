// The policy in force, compiled for deciding: what the policy loader stored (the default before its first run).
import { activePolicyItem } from '../browser/storage-items';
import { shippedCatalog } from '../catalog/shipped-catalog';
import type { ActivePolicy } from '../policy/active-policy';
import { compilePolicy, type CompiledPolicy } from '../policy/compile-policy';

export async function loadCompiledPolicy(): Promise<{ active: ActivePolicy; compiled: CompiledPolicy }> {
  const active = await activePolicyItem.load();
  return { active, compiled: compilePolicy(active.policy, shippedCatalog()) };
}
