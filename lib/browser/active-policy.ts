// The policy in force as the forwarder sees it: the managed bundle if it checks, else the built-in default.
// Interim: the enforcement issue's policy loader (last known good, policy_error events) replaces this.
import browser from 'webextension-polyfill';
import { shippedCatalog } from '../catalog/shipped-catalog';
import { checkPolicy } from '../policy/check-policy';
import { defaultPolicy } from '../policy/default-policy';
import type { Policy } from '../policy/schema';

let memo: { raw: string; policy: Policy } | undefined;

export async function loadActivePolicy(): Promise<Policy> {
  let value: unknown;
  try {
    value = (await browser.storage.managed.get('policy')).policy;
  } catch {
    return defaultPolicy(); // no managed storage (e.g. Firefox without a policy)
  }
  if (value === undefined) return defaultPolicy();
  const raw = JSON.stringify(value);
  if (memo?.raw === raw) return memo.policy;
  const check = checkPolicy(value, shippedCatalog());
  if (!check.ok) {
    console.error('Gatehouse managed policy does not check; using the default', check.problems);
    return defaultPolicy();
  }
  memo = { raw, policy: check.policy };
  return check.policy;
}
