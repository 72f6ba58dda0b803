// google-admin: the "Policy for extensions" JSON of the Admin console, each managed-storage key as {"Value": …}.
import type { PolicyInput } from '../policy/policy-schema';
import { managedStorageKey } from './artifact-target';

export function googleAdminPolicyJson(bundle: PolicyInput): string {
  return JSON.stringify({ [managedStorageKey]: { Value: bundle } }, null, 2) + '\n';
}
