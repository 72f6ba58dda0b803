// The popup header's view of the policy in force, parsed from what the policy loader keeps in storage.local.
import { activePolicyKey, activePolicySchema } from '../policy/active-policy';
import { defaultPolicy } from '../policy/default-policy';
import type { Policy } from '../policy/schema';
import type { PolicySource } from './event-schema';

/** The storage.local key the policy loader writes. */
export const activePolicyStorageKey = activePolicyKey;

export interface PolicyStatus {
  name: string;
  version: string;
  source: PolicySource;
  problems: string[];
  logging: Policy['logging'];
  passphraseHash: string | undefined;
}

/** Nothing stored yet (first start) means the built-in default; an unreadable value says so in `problems`. */
export function policyStatusFrom(stored: unknown): PolicyStatus {
  const parsed = activePolicySchema.safeParse(stored);
  const problems =
    stored === undefined || parsed.success
      ? []
      : ['the stored active policy could not be read; showing the default'];
  const { policy, source } = parsed.success
    ? parsed.data
    : { policy: defaultPolicy(), source: 'default' as const };
  return {
    name: policy.name,
    version: policy.version,
    source,
    problems: parsed.success ? parsed.data.problems : problems,
    logging: policy.logging,
    passphraseHash: policy.admin?.passphraseHash,
  };
}
