// LogEvent: what Gatehouse records. Types and counts only — never a redacted value.
import { z } from 'zod';
import { policySources } from '../policy/policy-source';
import { dnrResourceTypes } from '../policy/dnr-rule';
import { piiTypes } from '../redact/settings';

export const eventKinds = [
  'blocked',
  'warned',
  'continued',
  'went_back',
  'redacted',
  'paste_blocked',
  'paste_override',
  'visited_allowed',
  'access_requested',
  'policy_applied',
  'policy_error',
  'log_pruned',
  'health',
] as const;
export type EventKind = (typeof eventKinds)[number];

/** What a `health` event reports on. */
export const healthChecks = ['host_access'] as const;

// The descriptions are the documentation: docs/what-is-logged.md is generated from them.
export const commonEventFields = {
  id: z.string().min(8).max(64).describe('A random event id'),
  time: z.number().int().nonnegative().describe('When it happened (milliseconds since the epoch)'),
  service: z
    .string()
    .nullable()
    .default(null)
    .describe('The catalog service id (e.g. `deepseek`), or empty for an address outside the catalog'),
  host: z
    .string()
    .max(2048)
    .nullable()
    .default(null)
    .describe(
      'The **host** (e.g. `chat.deepseek.com`), never the full address unless the policy sets `logging.fullUrls`',
    ),
  url: z
    .string()
    .max(8192)
    .optional()
    .describe(
      'The full address, with path and query: only when the policy sets `logging.fullUrls`, and then without the parameters AI services carry prompts in (`q`, `prompt`, …) unless it also sets `logging.keepPromptParameters`',
    ),
  rule: z.string().nullable().default(null).describe('The id of the policy rule that decided, or `fallback`'),
  incognito: z
    .boolean()
    .default(false)
    .describe(
      "Whether the tab was a private (incognito) window: from the browser's tab, never from the page; `false` for events without a tab, such as `policy_applied`",
    ),
};
const common = commonEventFields;

/**
 * What a blocked request loaded, for blocks that were not a page: the browsers' webRequest types
 * (Chromium's and Firefox's). Absent on a page block, which the block page records.
 */
const requestTypeSchema = z.enum(dnrResourceTypes).exclude(['main_frame']);
export const requestTypes = requestTypeSchema.options;
export type RequestType = z.infer<typeof requestTypeSchema>;

const counts = z
  .partialRecord(z.enum(piiTypes), z.number().int().positive())
  .describe(
    'How many of each type of personal data (e.g. 2 × `EMAIL`, 1 × `IBAN`): **never the values, never the text**',
  );
const justification = (what: string) =>
  z
    .string()
    .max(2000)
    .default('')
    .describe(`**The reason the user typed** ${what} (free text, up to 2,000 characters)`);

export const logEventSchema = z.discriminatedUnion('kind', [
  z
    .strictObject({
      ...common,
      kind: z.literal('blocked'),
      // Both optional: rows written before sub-resource blocks were logged still parse.
      resourceType: requestTypeSchema
        .optional()
        .describe('For a request below the page (an iframe, fetch/XHR, websocket…): its type'),
      count: z
        .number()
        .int()
        .positive()
        .optional()
        .describe(
          'For a request below the page: how many it stands for. The first such request of a tab to a service is logged at once with count 1, the repeats within the next 2 seconds as one more event with their count',
        ),
    })
    .describe('A page or a request was blocked'),
  z.strictObject({ ...common, kind: z.literal('warned') }).describe('The warn page was shown'),
  z
    .strictObject({
      ...common,
      kind: z.literal('continued'),
      justification: justification('to continue, when the rule asks for one'),
    })
    .describe('The user continued past a warning'),
  z.strictObject({ ...common, kind: z.literal('went_back') }).describe('The user chose Go back on a warning'),
  z
    .strictObject({ ...common, kind: z.literal('redacted'), counts })
    .describe('Personal data in a paste was replaced before the page saw it'),
  z
    .strictObject({
      ...common,
      kind: z.literal('paste_blocked'),
      counts,
      reason: z
        .string()
        .max(200)
        .describe(
          'Why: `personal-data`, `files` (not allowed on this service), `too-large` (to check), `cancelled` (at the warning) or `error`',
        ),
    })
    .describe('A paste was refused'),
  z
    .strictObject({
      ...common,
      kind: z.literal('paste_override'),
      counts,
      justification: justification('to paste the original'),
    })
    .describe('The user pasted the original anyway, where the policy allows it'),
  z
    .strictObject({ ...common, kind: z.literal('visited_allowed') })
    .describe('An AI service the policy allows was opened'),
  z
    .strictObject({
      ...common,
      kind: z.literal('access_requested'),
      page: z
        .enum(['blocked', 'warn'])
        .describe('The page the button was on; service, host and rule are what that page stood for'),
    })
    .describe("The user chose Request access on a block or warn page (the policy's `requestAccess`)"),
  z
    .strictObject({
      ...common,
      kind: z.literal('policy_applied'),
      policy: z
        .strictObject({ name: z.string(), version: z.string(), source: z.enum(policySources) })
        .describe(
          `The policy's name, version and source (${policySources.map((s) => `\`${s}\``).join(', ')})`,
        ),
    })
    .describe('A policy came into force'),
  z
    .strictObject({
      ...common,
      kind: z.literal('policy_error'),
      error: z.string().max(4000).describe('The validation error'),
    })
    .describe('A managed policy was rejected (the last valid one stays in force)'),
  z
    .strictObject({
      ...common,
      kind: z.literal('log_pruned'),
      removed: z.number().int().nonnegative().describe('How many events were deleted'),
      reason: z
        .string()
        .describe('Which limit: the retention settings, a full disk, or the forwarding outbox cap'),
    })
    .describe('Events were deleted from the log, or not forwarded'),
  z
    .strictObject({
      ...common,
      kind: z.literal('health'),
      check: z
        .enum(healthChecks)
        .describe("What was checked: `host_access`, the extension's permission to act on every site"),
      ok: z.boolean().describe('Whether the check passed (false: enforcement is degraded, see detail)'),
      detail: z.string().max(2000).describe('What was found, in words'),
    })
    .describe(
      "A health check changed state: in Firefox, users can withdraw the extension's host access; while it is missing, redirects are plain blocks and the input guard cannot run",
    ),
]);
export type LogEvent = z.infer<typeof logEventSchema>;
/** What callers pass to recordEvent: id and time are filled in. */
export type NewLogEvent = DistributiveOmit<z.input<typeof logEventSchema>, 'id' | 'time'> & { time?: number };
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

export function createLogEvent(input: NewLogEvent, id: string, now: number): LogEvent {
  return logEventSchema.parse({ time: now, ...input, id });
}
