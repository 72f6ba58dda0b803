// LogEvent: what Gatehouse records. Types and counts only — never a redacted value.
import { z } from 'zod';
import { policySources } from '../policy/policy-source';
import { dnrResourceTypes } from '../policy/dnr-rule';
import { piiTypes } from '../redact/settings';
import { guardProblems, guardTriggers } from './guard-trigger';

export { guardProblems, guardTriggers, type GuardProblem, type GuardTrigger } from './guard-trigger';

export const eventKinds = [
  'blocked',
  'warned',
  'continued',
  'went_back',
  'redacted',
  'paste_blocked',
  'paste_override',
  'upload_redacted',
  'upload_blocked',
  'upload_override',
  'guard_unavailable',
  'visited_allowed',
  'would_block',
  'would_warn',
  'access_requested',
  'policy_applied',
  'policy_error',
  'log_pruned',
  'log_flood',
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

const trigger = z
  .enum(guardTriggers)
  .optional()
  .describe(
    `The input guard's channel: ${guardTriggers.map((t) => `\`${t}\``).join(', ')} (absent on events recorded before channels existed)`,
  );
// lib/guard/block-reasons.ts lists them (the log sits below the guard); a test checks this names each one.
const blockReasonsText =
  '`personal-data`, `files` (not allowed on this service), `file-type` (an extension or type the policy blocks), `unscannable` (binary or over `maxScanBytes`), `too-large` (to check), `cancelled` (at the warning) or `error`';

/** File extensions from a fixed vocabulary ("csv", "other"), never the name: names can be personal data. */
const fileFields = {
  files: z.number().int().positive().max(10_000).describe('How many files'),
  extensions: z
    .array(z.string().regex(/^[a-z0-9]{1,10}$/))
    .max(100)
    .describe('Their extensions from a fixed list (`csv`, `other`, `none`): **never file names**'),
};

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
    .strictObject({ ...common, kind: z.literal('redacted'), counts, trigger })
    .describe(
      'Personal data was replaced before the page saw it: in a paste or drop, in the composer at send, or in what the page read from the clipboard (`trigger` says which)',
    ),
  z
    .strictObject({
      ...common,
      kind: z.literal('paste_blocked'),
      counts,
      reason: z.string().max(200).describe(`Why: ${blockReasonsText}`),
      trigger,
    })
    .describe('A paste, drop, send or clipboard read was refused (`trigger` says which)'),
  z
    .strictObject({
      ...common,
      kind: z.literal('paste_override'),
      counts,
      justification: justification('to use the original'),
      trigger,
    })
    .describe('The user pasted or sent the original anyway, where the policy allows it'),
  z
    .strictObject({ ...common, kind: z.literal('upload_redacted'), counts, ...fileFields, trigger })
    .describe('Files given to the page (file input, drop, paste) were replaced by redacted copies'),
  z
    .strictObject({
      ...common,
      kind: z.literal('upload_blocked'),
      counts,
      ...fileFields,
      reason: z.string().max(200).describe(`Why: ${blockReasonsText}`),
      trigger,
    })
    .describe('Files were kept from the page (by the policy, or the user cancelled at the warning)'),
  z
    .strictObject({
      ...common,
      kind: z.literal('upload_override'),
      counts,
      ...fileFields,
      justification: justification('to upload the original files'),
      trigger,
    })
    .describe('The user uploaded the original files anyway, where the policy allows it'),
  z
    .strictObject({
      ...common,
      kind: z.literal('guard_unavailable'),
      trigger,
      problem: z
        .enum(guardProblems)
        .describe(
          'What the input guard could not recognise on a guarded page: `composer` (the text being sent) or `send-control` (the send button): the site probably changed',
        ),
      count: z
        .number()
        .int()
        .positive()
        .describe('How many times it was seen on this host in the coalescing window'),
    })
    .describe('The input guard could not check a send on a guarded page (coalesced per host and problem)'),
  z
    .strictObject({ ...common, kind: z.literal('visited_allowed') })
    .describe(
      'An AI service the policy allows was opened (only when the policy sets `logging.visitedAllowed`; once per tab and service)',
    ),
  z
    .strictObject({ ...common, kind: z.literal('would_block') })
    .describe(
      'Audit mode: a page of a service the policy would block was opened (and not stopped); once per tab and service',
    ),
  z
    .strictObject({ ...common, kind: z.literal('would_warn') })
    .describe(
      'Audit mode: a page of a service the policy would warn on was opened (and not stopped); once per tab and service',
    ),
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
      error: z.string().max(4000).describe('What failed, in words'),
    })
    .describe(
      'A managed policy was rejected or altered, or its browser rules could not be compiled or installed (the rules in force stay: the last valid policy, or the built-in default)',
    ),
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
      kind: z.literal('log_flood'),
      phase: z
        .enum(['started', 'ended'])
        .describe("`started` when a tab's blocked requests outrun the per-minute cap, `ended` when it lifts"),
      suppressed: z
        .number()
        .int()
        .nonnegative()
        .describe('With `ended`: how many blocked-request events the cap held back (counted, not written)'),
    })
    .describe(
      'A page sent more blocked requests than the log records per tab and minute: the cap engaged (justifications and overrides are never evicted by count)',
    ),
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
