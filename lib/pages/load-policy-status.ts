// The policy in force as the popup header shows it: what the policy loader stored, or the default.
import { activePolicyItem } from '../browser/storage-items';
import { policyStatusOf, type PolicyStatus } from '../log/policy-status';

export async function loadPolicyStatus(): Promise<PolicyStatus> {
  const { value, problem } = await activePolicyItem.inspect();
  return policyStatusOf(value, problem);
}
