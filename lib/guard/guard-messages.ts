// The input guard's messages: what its content script may ask the background, and the replies it gets.
// lib/messages.ts puts them in the contract with their sender rule; both sides parse with these schemas.
import { z } from 'zod';
import { guardProblems, guardTriggers } from '../log/guard-trigger';
import { piiTypes } from '../redact/settings';
import { guardBlockReasons } from './block-reasons';
import { textGuardModes } from '../policy/guard-settings';
import { fileDropReasons } from './file-verdict';

/** Above the largest `redaction.maxInputChars` a policy may set; the engine applies the real limit. */
export const maxGuardInputChars = 50_000_000;
/** Files in one input (a picker selection, a drop, a paste). */
export const maxGuardFiles = 1000;

const counts = z.partialRecord(z.enum(piiTypes), z.number().int().positive().max(maxGuardInputChars));
const segment = z.strictObject({ text: z.string().max(maxGuardInputChars), breakBefore: z.boolean() });
const trigger = z.enum(guardTriggers);

/** Sent once on load: does the guard apply to this frame, and what must the content script look at? */
export const guardStatusRequestSchema = z.strictObject({ type: z.literal('guard:status') });

const fileInput = z.strictObject({
  extension: z.string().max(16),
  mimeType: z.string().max(200),
  size: z.number().int().min(0),
  text: z.string().max(maxGuardInputChars).nullable(),
});

export const guardCheckRequestSchema = z.strictObject({
  type: z.literal('guard:check'),
  trigger,
  plain: z.string().max(maxGuardInputChars),
  html: z.array(segment).max(1_000_000).nullable(),
  files: z.array(fileInput).max(maxGuardFiles),
  /** A look-ahead while the user types (send): the verdict only, nothing recorded. */
  preview: z.boolean().default(false),
});

/** The user's choice on a warn dialog or a block notice that offered one. */
export const guardOutcomeRequestSchema = z.strictObject({
  type: z.literal('guard:outcome'),
  trigger,
  outcome: z.enum(['redacted', 'cancelled', 'original']),
  reason: z.enum(guardBlockReasons),
  counts,
  justification: z.string().max(2000).default(''),
  files: z
    .strictObject({
      files: z.number().int().positive().max(maxGuardFiles),
      extensions: z.array(z.string().max(16)).max(maxGuardFiles),
      counts,
    })
    .nullable()
    .default(null),
});

/** Something on a guarded page the guard could not recognise (recorded coalesced as guard_unavailable). */
export const guardHealthRequestSchema = z.strictObject({
  type: z.literal('guard:health'),
  trigger,
  problem: z.enum(guardProblems),
});

export const guardStatusReplySchema = z.union([
  z.strictObject({ guarded: z.literal(false) }),
  z.strictObject({
    guarded: z.literal(true),
    paste: z.enum(textGuardModes),
    send: z.enum(textGuardModes),
    /** allow: files pass unread; check: they go to guard:check (read as text when `readFiles`). */
    files: z.enum(['allow', 'check']),
    readFiles: z.boolean(),
    maxScanBytes: z.number().int().positive(),
  }),
]);
export type GuardStatusReply = z.infer<typeof guardStatusReplySchema>;

const fileVerdict = z.discriminatedUnion('action', [
  z.strictObject({ action: z.literal('keep') }),
  z.strictObject({ action: z.literal('redact'), text: z.string(), counts }),
  z.strictObject({ action: z.literal('warn'), text: z.string(), counts }),
  z.strictObject({
    action: z.literal('drop'),
    reason: z.enum(fileDropReasons),
    counts,
    overridable: z.boolean(),
  }),
]);

export const guardVerdictSchema = z.discriminatedUnion('action', [
  z.strictObject({ action: z.literal('pass') }),
  z.strictObject({
    action: z.literal('insert'),
    plain: z.string(),
    html: z.array(z.string()).nullable(),
    counts,
    files: z.array(fileVerdict),
    message: z.string().optional(),
  }),
  z.strictObject({
    action: z.literal('warn'),
    plain: z.string(),
    html: z.array(z.string()).nullable(),
    counts,
    files: z.array(fileVerdict),
    textAsked: z.boolean(),
    allowOriginal: z.boolean(),
  }),
  z.strictObject({
    action: z.literal('block'),
    subject: z.enum(['text', 'files']),
    reason: z.enum(guardBlockReasons),
    counts,
    files: z.array(fileVerdict),
    allowOriginal: z.boolean(),
    message: z.string().optional(),
  }),
]);

/** The background recorded the user's choice (before the original, if chosen, reaches the page). */
export const guardOutcomeReplySchema = z.strictObject({ recorded: z.literal(true) });
/** The background took note of a health report (it may coalesce it into an earlier event). */
export const guardHealthReplySchema = z.strictObject({ noted: z.literal(true) });
