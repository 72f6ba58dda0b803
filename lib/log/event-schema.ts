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
  'would_block',
  'would_warn',
  'policy_applied',
  'policy_error',
  'log_pruned',
  'log_flood',
  'health',
] as const;
export type EventKind = (typeof eventKinds)[number];

/** What a `health` event reports on. */
export const healthChecks = ['host_access'] as const;

const common = {
  id: z.string().min(8).max(64),
  time: z.number().int().nonnegative().describe('milliseconds since the epoch'),
  service: z.string().nullable().default(null),
  host: z.string().max(2048).nullable().default(null),
  /** Only when the policy's logging.fullUrls is set. */
  url: z.string().max(8192).optional(),
  rule: z.string().nullable().default(null),
  incognito: z.boolean().default(false),
};

/**
 * What a blocked request loaded, for blocks that were not a page: the browsers' webRequest types
 * (Chromium's and Firefox's). Absent on a page block, which the block page records.
 */
const requestTypeSchema = z.enum(dnrResourceTypes).exclude(['main_frame']);
export const requestTypes = requestTypeSchema.options;
export type RequestType = z.infer<typeof requestTypeSchema>;

const counts = z.partialRecord(z.enum(piiTypes), z.number().int().positive());

export const logEventSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    ...common,
    kind: z.literal('blocked'),
    // Both optional: rows written before sub-resource blocks were logged still parse.
    resourceType: requestTypeSchema.optional(),
    /** How many blocked requests of this tab, service and type the event stands for (coalesced). */
    count: z.number().int().positive().optional(),
  }),
  z.strictObject({ ...common, kind: z.literal('warned') }),
  z.strictObject({
    ...common,
    kind: z.literal('continued'),
    justification: z.string().max(2000).default(''),
  }),
  z.strictObject({ ...common, kind: z.literal('went_back') }),
  z.strictObject({ ...common, kind: z.literal('redacted'), counts }),
  z.strictObject({ ...common, kind: z.literal('paste_blocked'), counts, reason: z.string().max(200) }),
  z.strictObject({
    ...common,
    kind: z.literal('paste_override'),
    counts,
    justification: z.string().max(2000).default(''),
  }),
  z.strictObject({ ...common, kind: z.literal('visited_allowed') }),
  /** Audit mode: a page of a service the policy blocks or warns on was opened (and not stopped). */
  z.strictObject({ ...common, kind: z.literal('would_block') }),
  z.strictObject({ ...common, kind: z.literal('would_warn') }),
  z.strictObject({
    ...common,
    kind: z.literal('policy_applied'),
    policy: z.strictObject({ name: z.string(), version: z.string(), source: z.enum(policySources) }),
  }),
  z.strictObject({ ...common, kind: z.literal('policy_error'), error: z.string().max(4000) }),
  z.strictObject({
    ...common,
    kind: z.literal('log_pruned'),
    removed: z.number().int().nonnegative(),
    reason: z.string(),
  }),
  /**
   * A tab's blocked requests outran the per-minute cap: `started` when the cap engages, `ended` with the
   * number of blocked-request events it held back (counted, not written one by one).
   */
  z.strictObject({
    ...common,
    kind: z.literal('log_flood'),
    phase: z.enum(['started', 'ended']),
    suppressed: z.number().int().nonnegative(),
  }),
  z.strictObject({
    ...common,
    kind: z.literal('health'),
    /** What was checked: `host_access`, the extension's permission to act on every site. */
    check: z.enum(healthChecks),
    ok: z.boolean(),
    detail: z.string().max(2000),
  }),
]);
export type LogEvent = z.infer<typeof logEventSchema>;
/** What callers pass to recordEvent: id and time are filled in. */
export type NewLogEvent = DistributiveOmit<z.input<typeof logEventSchema>, 'id' | 'time'> & { time?: number };
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

export function createLogEvent(input: NewLogEvent, id: string, now: number): LogEvent {
  return logEventSchema.parse({ time: now, ...input, id });
}
