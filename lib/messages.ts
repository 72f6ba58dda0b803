// The one message contract between contexts: a zod discriminated union, parsed on receipt, sender checked.
import { z } from 'zod';

export const interstitialPages = ['blocked', 'warn'] as const;
export type InterstitialPage = (typeof interstitialPages)[number];

const nonce = z.string().regex(/^[0-9a-f-]{36}$/, 'expected the nonce the background issued');

export const messageSchema = z.discriminatedUnion('type', [
  /** An interstitial asks what it stands in for; the background decides, records and (warn) issues a nonce. */
  z.strictObject({
    type: z.literal('getInterstitial'),
    page: z.enum(interstitialPages),
    url: z.string().max(65_536),
  }),
  /** The warn page's Continue, after a trusted click. */
  z.strictObject({ type: z.literal('continue'), nonce, justification: z.string().max(2000) }),
  z.strictObject({ type: z.literal('goBack'), nonce }),
  /** Any extension context (the paste guard's content script too) reads the policy in force. */
  z.strictObject({ type: z.literal('getActivePolicy') }),
]);
export type Message = z.infer<typeof messageSchema>;
export type MessageType = Message['type'];

/** What the receiver knows about the sender (a subset of runtime.MessageSender). */
export interface MessageSender {
  id?: string | undefined;
  url?: string | undefined;
  tab?: { id?: number | undefined } | undefined;
  frameId?: number | undefined;
}

/**
 * Interstitial messages must come from that page of this extension, in a tab's top frame, never from
 * a content script (whose sender URL is the web page). getActivePolicy is open to the extension's own
 * contexts, content scripts included.
 */
export function senderAllowed(
  message: Message,
  sender: MessageSender,
  extension: { id: string; origin: string },
): boolean {
  if (sender.id !== extension.id) return false;
  if (message.type === 'getActivePolicy') return true;
  const page = message.type === 'getInterstitial' ? message.page : 'warn';
  const pageUrl = `${extension.origin}/${page}.html`;
  const url = sender.url ?? '';
  const fromPage = url === pageUrl || url.startsWith(`${pageUrl}#`) || url.startsWith(`${pageUrl}?`);
  return fromPage && sender.tab?.id !== undefined && sender.frameId === 0;
}

const serviceSummary = z.strictObject({
  id: z.string(),
  name: z.string(),
  operator: z.string(),
  jurisdiction: z.string(),
});
export type ServiceSummary = z.infer<typeof serviceSummary>;

export const interstitialInfoSchema = z.discriminatedUnion('ok', [
  z.strictObject({
    ok: z.literal(true),
    page: z.enum(interstitialPages),
    url: z.string(),
    host: z.string(),
    action: z.enum(['allow', 'warn', 'block', 'none']),
    service: serviceSummary.nullable(),
    rule: z.string().nullable(),
    message: z.string().nullable(),
    policyName: z.string(),
    bypassMinutes: z.number(),
    requireJustification: z.boolean(),
    alternatives: z.array(serviceSummary),
    /** warn only: the one-time token Continue and Go back must return. */
    nonce: z.string().nullable(),
  }),
  z.strictObject({ ok: z.literal(false), error: z.string() }),
]);
export type InterstitialInfo = z.infer<typeof interstitialInfoSchema>;

export const continueResultSchema = z.discriminatedUnion('ok', [
  z.strictObject({ ok: z.literal(true), url: z.string() }),
  z.strictObject({ ok: z.literal(false), error: z.string() }),
]);
export type ContinueResult = z.infer<typeof continueResultSchema>;
