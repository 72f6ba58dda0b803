// The policy in force and where it came from, as the policy loader stores it for every context to read.
import { z } from 'zod';
import { defaultPolicy } from './default-policy';
import { policySources } from './policy-source';
import { policySchema } from './policy-schema';

export const activePolicySchema = z.strictObject({
  source: z.enum(policySources),
  appliedAt: z.number(),
  policy: policySchema,
  /** Why the managed policy is not the one in force (also recorded as policy_error events). */
  problems: z.array(z.string()).default([]),
});
export type ActivePolicy = z.infer<typeof activePolicySchema>;

/** Before the loader's first run (or when what it stored cannot be read): the built-in default. */
export function defaultActivePolicy(): ActivePolicy {
  return { source: 'default', appliedAt: 0, policy: defaultPolicy(), problems: [] };
}
