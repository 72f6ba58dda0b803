// Reads the policy in force as the popup header shows it (what the policy loader stored in storage.local).
import browser from 'webextension-polyfill';
import { activePolicyStorageKey, policyStatusFrom, type PolicyStatus } from '../log/policy-status';

export async function readActivePolicyStatus(): Promise<PolicyStatus> {
  const stored = await browser.storage.local.get(activePolicyStorageKey);
  return policyStatusFrom(stored[activePolicyStorageKey]);
}
