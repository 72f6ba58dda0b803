// The policy view's data: one explained decision per service, as zod schemas (the background sends the
// rows to the popup) with the popup's filter. Light on purpose: the popup must not bundle decide().
import { z } from 'zod';
import type { RuleMatch } from './policy-schema';

/** A rule's criteria, in the order the policy view names them. */
export const matchCriteria = [
  'services',
  'hosts',
  'jurisdictions',
  'parentCountries',
  'categories',
  'confidence',
] as const satisfies readonly (keyof RuleMatch)[];
export type MatchCriterion = (typeof matchCriteria)[number];

export const decisionExplanationSchema = z.strictObject({
  action: z.enum(['allow', 'warn', 'block', 'none']),
  /** Catalog id, or null when the address is not a catalog service. */
  service: z.string().nullable(),
  serviceName: z.string().nullable(),
  jurisdiction: z.string().nullable(),
  parentCountry: z.string().nullable(),
  category: z.string().nullable(),
  /** Rule id, "fallback", or null for `none`. */
  rule: z.string().nullable(),
  /** The rule's `description`, for admins. */
  ruleDescription: z.string().nullable(),
  /**
   * Each criterion of the deciding rule with the value that met it ({"jurisdictions": "CN"}): all of
   * them held, which is why the rule applies. Empty for the fallback and for `none`.
   */
  matchedOn: z.partialRecord(z.enum(matchCriteria), z.string()),
  /** False in audit mode: decided and logged, never enforced. */
  enforced: z.boolean(),
  reason: z.string(),
  /** The catalog entry that recognised the address ("deepseek.com", "github.com/copilot"). */
  match: z.string().nullable(),
});
export type DecisionExplanation = z.infer<typeof decisionExplanationSchema>;

/** Where a row's service comes from: the shipped catalog, the policy's `catalog.add`, or an override. */
export const serviceOrigins = ['catalog', 'added', 'overridden', 'rule-host'] as const;
export type ServiceOrigin = (typeof serviceOrigins)[number];

export const policyViewRowSchema = decisionExplanationSchema.extend({
  /** The address the decision was made for (the service's first address). */
  host: z.string(),
  /** Every address the catalog lists for the service ("chat.deepseek.com", "github.com/copilot"). */
  addresses: z.array(z.string()),
  origin: z.enum(serviceOrigins),
  /** Other addresses of the same service that a host rule decides differently. */
  exceptions: z.array(
    z.strictObject({
      host: z.string(),
      action: decisionExplanationSchema.shape.action,
      rule: z.string().nullable(),
    }),
  ),
});
export type PolicyViewRow = z.infer<typeof policyViewRowSchema>;

export interface PolicyViewFilter {
  /** Empty: every action. */
  action: DecisionExplanation['action'] | '';
  /** Case-insensitive, over service id and name, addresses, rule, jurisdiction and parent country. */
  text: string;
}

const actionOrder: Record<DecisionExplanation['action'], number> = { block: 0, warn: 1, allow: 2, none: 3 };

/** The rows to show, strictest first and then by name, so what the policy stops is on top. */
export function filterPolicyView(rows: readonly PolicyViewRow[], filter: PolicyViewFilter): PolicyViewRow[] {
  const needle = filter.text.trim().toLowerCase();
  const name = (row: PolicyViewRow) => (row.serviceName ?? row.host).toLowerCase();
  return rows
    .filter((row) => !filter.action || row.action === filter.action)
    .filter(
      (row) =>
        !needle ||
        [row.service, row.serviceName, ...row.addresses, row.rule, row.jurisdiction, row.parentCountry]
          .join('\n')
          .toLowerCase()
          .includes(needle),
    )
    .sort((a, b) => actionOrder[a.action] - actionOrder[b.action] || name(a).localeCompare(name(b), 'en'));
}

/** How many rows each action has, for the filter's labels. */
export function countByAction(rows: readonly PolicyViewRow[]): Record<DecisionExplanation['action'], number> {
  const counts = { block: 0, warn: 0, allow: 0, none: 0 };
  for (const row of rows) counts[row.action]++;
  return counts;
}
