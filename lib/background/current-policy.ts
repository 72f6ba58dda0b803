// The policy in force, compiled for deciding: what the policy loader stored (the default before its first run).
import { activePolicyItem } from '../browser/storage-items';
import { shippedCatalog } from '../catalog/shipped-catalog';
import type { ActivePolicy } from '../policy/active-policy';
import { compilePolicy, type CompiledPolicy } from '../policy/compile-policy';

export async function loadCompiledPolicy(): Promise<{ active: ActivePolicy; compiled: CompiledPolicy }> {
  const active = await activePolicyItem.load();
  return { active, compiled: compilePolicy(active.policy, shippedCatalog()) };
}

/**
 * The compiled policy kept in memory between messages (reading storage and parsing the policy on every
 * input guard check costs a send ~2 ms). Dropped whenever the loader applies or stores a policy, so the
 * next call reads the new one.
 */
export function createPolicyCache(
  load: () => Promise<CompiledPolicy> = async () => (await loadCompiledPolicy()).compiled,
): { compiled: () => Promise<CompiledPolicy>; forget: () => void } {
  let cached: Promise<CompiledPolicy> | null = null;
  const forget = () => {
    cached = null;
  };
  activePolicyItem.watch(forget);
  return {
    compiled: () => {
      const current = (cached ??= load());
      // A failed read is not kept: the next call tries again.
      current.catch(() => {
        if (cached === current) cached = null;
      });
      return current;
    },
    forget,
  };
}
