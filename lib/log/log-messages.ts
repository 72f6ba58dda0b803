// The log's message: an extension page (block/warn page, popup) records an event through the background.
// To be folded into lib/messages.ts (the one contract) when the enforcement branch lands.
import { z } from 'zod';
import { logEventSchema } from './event-schema';

export const logMessageSchema = z.discriminatedUnion('type', [
  /** The event carries its id, so a resent message stores it once. */
  z.strictObject({ type: z.literal('recordEvent'), event: logEventSchema }),
]);
export type LogMessage = z.infer<typeof logMessageSchema>;

/** Whether a message is addressed to the log (then it is answered, if malformed with an error). */
export function isLogMessageType(raw: unknown): boolean {
  return typeof raw === 'object' && raw !== null && (raw as { type?: unknown }).type === 'recordEvent';
}

export interface LogMessageSender {
  id?: string | undefined;
  url?: string | undefined;
}

/** Only this extension's own pages: a content script's sender URL is the web page, so it is refused. */
export function logSenderAllowed(
  sender: LogMessageSender,
  extension: { id: string; origin: string },
): boolean {
  return sender.id === extension.id && (sender.url ?? '').startsWith(`${extension.origin}/`);
}
