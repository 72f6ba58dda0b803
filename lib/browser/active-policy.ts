// The policy in force for the forwarder and the popup: what the enforcement loader stored
// (managed → last valid → default), never a second reading of managed storage. Reading it needs no catalog
// and no compiling, so pages that only show it (the popup) stay small and start fast.
import browser from 'webextension-polyfill';
import { activePolicyKey, activePolicySchema, type ActivePolicy } from '../policy/active-policy';
import { defaultPolicy } from '../policy/default-policy';
import type { Policy } from '../policy/schema';

/** What the loader stored, or null before its first run or when the stored value does not parse. */
export async function readActivePolicy(): Promise<ActivePolicy | null> {
  const stored = (await browser.storage.local.get(activePolicyKey))[activePolicyKey];
  const parsed = activePolicySchema.safeParse(stored);
  return parsed.success ? parsed.data : null;
}

/** The policy in force; the built-in default until the loader has stored one. */
export async function loadActivePolicy(): Promise<Policy> {
  return (await readActivePolicy())?.policy ?? defaultPolicy();
}
