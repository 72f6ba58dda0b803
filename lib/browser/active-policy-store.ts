// Reads and writes the policy in force in storage.local, so every context sees the same one.
import browser from 'webextension-polyfill';
import { shippedCatalog } from '../catalog/shipped-catalog';
import { activePolicyKey, lastValidPolicyKey, type ActivePolicy } from '../policy/active-policy';
import { compilePolicy, type CompiledPolicy } from '../policy/compile-policy';
import { defaultPolicy } from '../policy/default-policy';
import { readActivePolicy } from './active-policy';

export { readActivePolicy };

/** The policy in force, compiled; the default until the loader has stored one. */
export async function readCompiledPolicy(): Promise<{ active: ActivePolicy; compiled: CompiledPolicy }> {
  const active = (await readActivePolicy()) ?? {
    source: 'default',
    appliedAt: 0,
    policy: defaultPolicy(),
    problems: [],
  };
  return { active, compiled: compilePolicy(active.policy, shippedCatalog()) };
}

export async function writeActivePolicy(active: ActivePolicy): Promise<void> {
  await browser.storage.local.set({ [activePolicyKey]: active });
}

export async function readLastValidPolicy(): Promise<unknown> {
  return (await browser.storage.local.get(lastValidPolicyKey))[lastValidPolicyKey];
}

export async function writeLastValidPolicy(raw: unknown): Promise<void> {
  await browser.storage.local.set({ [lastValidPolicyKey]: raw });
}

/** The managed policy, or undefined when none is set (or the browser has no managed storage). */
export async function readManagedPolicy(): Promise<unknown> {
  try {
    return (await browser.storage.managed.get('policy')).policy;
  } catch {
    // Firefox without a managed-storage manifest throws: no managed policy.
    return undefined;
  }
}
