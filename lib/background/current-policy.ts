// The policy in force, compiled for deciding: what the policy loader stored (the default before its first
// run). Compiled once per applied policy, keyed by the identity the loader writes with it, so a message
// costs one small storage read, not a policy parse and compile (and the redaction settings object stays
// the same one, which keeps the redaction engine's own cache warm).
import { activePolicyIdItem, activePolicyItem } from '../browser/storage-items';
import { shippedCatalog } from '../catalog/shipped-catalog';
import type { ActivePolicy } from '../policy/active-policy';
import { compilePolicy, type CompiledPolicy } from '../policy/compile-policy';

export interface CurrentPolicy {
  active: ActivePolicy;
  compiled: CompiledPolicy;
}

let cached: { id: string; current: Promise<CurrentPolicy> } | null = null;

export async function loadCompiledPolicy(): Promise<CurrentPolicy> {
  const id = await activePolicyIdItem.read();
  if (id !== null && cached?.id === id) return cached.current;
  const current = activePolicyItem
    .load()
    .then((active) => ({ active, compiled: compilePolicy(active.policy, shippedCatalog()) }));
  // Without an identity (nothing applied yet) nothing is cached: the next read may find the first policy.
  if (id !== null) {
    cached = { id, current };
    current.catch(() => {
      if (cached?.current === current) cached = null;
    });
  }
  return current;
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
