// The only messages a paste-guard content script may send, and the replies it gets (zod-validated both ways).
import { z } from 'zod';
import { piiTypes } from '../redact/settings';
import { pasteBlockReasons } from './paste-block-reasons';

/** Above the largest `redaction.maxInputChars` a policy may set; the engine applies the real limit. */
export const maxPasteChars = 50_000_000;

const counts = z.partialRecord(z.enum(piiTypes), z.number().int().positive().max(maxPasteChars));
const segment = z.strictObject({ text: z.string().max(maxPasteChars), breakBefore: z.boolean() });

/** Sent once on load: does the guard apply to this frame? */
export const pasteGuardRequestSchema = z.strictObject({ type: z.literal('paste:guard') });

export const pasteCheckRequestSchema = z.strictObject({
  type: z.literal('paste:check'),
  plain: z.string().max(maxPasteChars),
  html: z.array(segment).max(1_000_000).nullable(),
  files: z.number().int().min(0).max(10_000),
});

/** The user's choice on a warn dialog or a block notice that offered one. */
export const pasteOutcomeRequestSchema = z.strictObject({
  type: z.literal('paste:outcome'),
  outcome: z.enum(['redacted', 'cancelled', 'original']),
  reason: z.enum(pasteBlockReasons),
  counts,
  justification: z.string().max(2000).default(''),
});

export const pasteRequestSchema = z.discriminatedUnion('type', [
  pasteGuardRequestSchema,
  pasteCheckRequestSchema,
  pasteOutcomeRequestSchema,
]);
export type PasteRequest = z.input<typeof pasteRequestSchema>;

export const pasteGuardReplySchema = z.strictObject({
  guarded: z.boolean(),
  files: z.enum(['allow', 'block']).optional(),
});
export type PasteGuardReply = z.infer<typeof pasteGuardReplySchema>;

export const pasteVerdictSchema = z.discriminatedUnion('action', [
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
    reason: z.enum(pasteBlockReasons),
    counts,
    allowOriginal: z.boolean(),
    message: z.string().optional(),
  }),
]);

export function isPasteRequestType(type: unknown): boolean {
  return typeof type === 'string' && type.startsWith('paste:');
}
