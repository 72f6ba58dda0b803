// The input guard's messages: what its content script may ask the background, and the replies it gets.
// lib/messages.ts puts them in the contract with their sender rule; both sides parse with these schemas.
import { z } from 'zod';
import { piiTypes } from '../redact/settings';
import { guardBlockReasons } from './block-reasons';

/** Above the largest `redaction.maxInputChars` a policy may set; the engine applies the real limit. */
export const maxGuardInputChars = 50_000_000;

const counts = z.partialRecord(z.enum(piiTypes), z.number().int().positive().max(maxGuardInputChars));
const segment = z.strictObject({ text: z.string().max(maxGuardInputChars), breakBefore: z.boolean() });

/** Sent once on load: does the guard apply to this frame? */
export const guardStatusRequestSchema = z.strictObject({ type: z.literal('guard:status') });

export const guardCheckRequestSchema = z.strictObject({
  type: z.literal('guard:check'),
  plain: z.string().max(maxGuardInputChars),
  html: z.array(segment).max(1_000_000).nullable(),
  files: z.number().int().min(0).max(10_000),
});

/** The user's choice on a warn dialog or a block notice that offered one. */
export const guardOutcomeRequestSchema = z.strictObject({
  type: z.literal('guard:outcome'),
  outcome: z.enum(['redacted', 'cancelled', 'original']),
  reason: z.enum(guardBlockReasons),
  counts,
  justification: z.string().max(2000).default(''),
});

export const guardStatusReplySchema = z.strictObject({
  guarded: z.boolean(),
  files: z.enum(['allow', 'block']).optional(),
});
export type GuardStatusReply = z.infer<typeof guardStatusReplySchema>;

export const guardVerdictSchema = z.discriminatedUnion('action', [
  z.strictObject({ action: z.literal('pass') }),
  z.strictObject({
    action: z.literal('insert'),
    plain: z.string(),
    html: z.array(z.string()).nullable(),
    counts,
    dropFiles: z.boolean(),
  }),
  z.strictObject({
    action: z.literal('warn'),
    plain: z.string(),
    html: z.array(z.string()).nullable(),
    counts,
    dropFiles: z.boolean(),
    allowOriginal: z.boolean(),
  }),
  z.strictObject({
    action: z.literal('block'),
    reason: z.enum(guardBlockReasons),
    counts,
    allowOriginal: z.boolean(),
    message: z.string().optional(),
  }),
]);

/** The background recorded the user's choice (before the original, if chosen, reaches the page). */
export const guardOutcomeReplySchema = z.strictObject({ recorded: z.literal(true) });
