// The one message contract between contexts: a zod discriminated union, parsed on receipt, sender checked.
import { z } from 'zod';
import {
  isPasteRequestType,
  pasteCheckRequestSchema,
  pasteGuardRequestSchema,
  pasteOutcomeRequestSchema,
} from './paste/paste-messages';

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
  /** The paste guard's content script: is this frame guarded, check a paste, the user's choice. */
  pasteGuardRequestSchema,
  pasteCheckRequestSchema,
  pasteOutcomeRequestSchema,
]);
export type Message = z.infer<typeof messageSchema>;
export type MessageType = Message['type'];

/** What the receiver knows about the sender (a subset of runtime.MessageSender). */
export interface MessageSender {
  id?: string | undefined;
  url?: string | undefined;
  tab?: { id?: number | undefined; incognito?: boolean | undefined } | undefined;
  frameId?: number | undefined;
  /** The frame's origin; about:blank and srcdoc frames report their creator's. */
  origin?: string | undefined;
}

/** The tab a message came from, as the background's events need it (-1: not from a tab). */
export interface SenderTab {
  id: number;
  /** From the browser, never from the message: an incognito tab's events say so in the log. */
  incognito: boolean;
}

export function senderTab(sender: MessageSender): SenderTab {
  return { id: sender.tab?.id ?? -1, incognito: sender.tab?.incognito ?? false };
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
  // Paste messages come from a content script in a web page's tab, never from an extension page.
  if (isPasteRequestType(message.type)) return sender.tab?.id !== undefined && isWebPage(sender);
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

function isWebPage(sender: MessageSender): boolean {
  return /^https?:/i.test(sender.url ?? '') || /^https?:/i.test(sender.origin ?? '');
}
