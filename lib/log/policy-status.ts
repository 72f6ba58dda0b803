// The popup header's view of the policy in force: name, version, source, problems, logging and admin gate.
import type { ActivePolicy } from '../policy/active-policy';
import type { PolicySource } from '../policy/policy-source';
import type { Policy } from '../policy/policy-schema';

export interface PolicyStatus {
  name: string;
  version: string;
  source: PolicySource;
  problems: string[];
  logging: Policy['logging'];
  passphraseHash: string | undefined;
}

/**
 * The status of `active`; `unreadable` is set when what the loader stored could not be read, so the
 * header says it shows the default instead.
 */
export function policyStatusOf(active: ActivePolicy, unreadable: string | null = null): PolicyStatus {
  const { policy, source } = active;
  return {
    name: policy.name,
    version: policy.version,
    source,
    problems: unreadable ? [`${unreadable}; showing the default`, ...active.problems] : active.problems,
    logging: policy.logging,
    passphraseHash: policy.admin?.passphraseHash,
  };
}
