// The input guard's channels and health problems, as the log names them. Its own module (no zod) so the
// content script's message schemas can name them without bundling the log's event schema.

/**
 * The input-guard channel an event came from. Absent on rows written before channels existed (all pastes
 * or drops): the kinds keep their names, so existing queries on `redacted` still find every redaction.
 */
export const guardTriggers = ['paste', 'drop', 'send', 'upload', 'clipboard'] as const;
export type GuardTrigger = (typeof guardTriggers)[number];

/** What the input guard could not recognise on a guarded page: the site probably changed. */
export const guardProblems = ['composer', 'send-control'] as const;
export type GuardProblem = (typeof guardProblems)[number];
