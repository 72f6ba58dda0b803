// google-admin: the "Policy for extensions" JSON of the Admin console, each managed-storage key as {"Value": …}.
import type { PolicyInput } from '../policy/policy-schema';
import { managedStorageValues } from './artifact-target';

export function googleAdminPolicyJson(bundle: PolicyInput): string {
  const values = Object.entries(managedStorageValues(bundle)).map(([key, value]) => [key, { Value: value }]);
  return JSON.stringify(Object.fromEntries(values), null, 2) + '\n';
}
