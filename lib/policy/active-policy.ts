// The policy in force and where it came from, as stored in storage.local for every context to read.
import { z } from 'zod';
import { policySources } from '../log/event-schema';
import { policySchema } from './schema';

export const activePolicyKey = 'activePolicy';
export const lastValidPolicyKey = 'lastValidPolicy';

export const activePolicySchema = z.strictObject({
  source: z.enum(policySources),
  appliedAt: z.number(),
  policy: policySchema,
  /** Why the managed policy is not the one in force (also recorded as policy_error events). */
  problems: z.array(z.string()).default([]),
});
export type ActivePolicy = z.infer<typeof activePolicySchema>;
