// The one message contract between contexts: per message, its request schema, who may send it and the
// schema of its reply. The background's router parses requests and checks senders from this data; senders
// parse replies with the same schemas (ask()). Content scripts are the least trusted context.
import { z } from 'zod';
import {
  guardCheckRequestSchema,
  guardOutcomeReplySchema,
  guardOutcomeRequestSchema,
  guardStatusReplySchema,
  guardStatusRequestSchema,
  guardVerdictSchema,
} from './guard/guard-messages';
import {
  continueResultSchema,
  goBackResultSchema,
  interstitialInfoSchema,
  interstitialPages,
  requestAccessResultSchema,
} from './interstitial/interstitial-info';
import { policyViewRowSchema } from './policy/policy-view';

/** The extension's own pages that may send messages (their file is `<name>.html`). */
export type ExtensionPage = 'blocked' | 'warn' | 'popup';

/** Who may send a message; anything else gets `sender not allowed`. */
export type SenderRule =
  /** The input guard's content script, in a web page (http/https, any frame, about:blank by its creator) of a tab. */
  | { context: 'content-script' }
  /**
   * One of these pages of this extension. `inTab`: only in the top frame of a tab (the interstitials).
   * `pageField`: the message names a page, which must be the sender's own (the block page cannot ask as the warn page).
   */
  | { context: 'extension-page'; pages: readonly ExtensionPage[]; inTab: boolean; pageField?: string };

export interface MessageSpec {
  request: z.ZodObject<{ type: z.ZodLiteral<string> }>;
  sender: SenderRule;
  reply: z.ZodType;
}

const nonce = z.string().regex(/^[0-9a-f-]{36}$/, 'expected the nonce the background issued');
const interstitialPage: SenderRule = {
  context: 'extension-page',
  pages: interstitialPages,
  inTab: true,
  pageField: 'page',
};
const warnPage: SenderRule = { context: 'extension-page', pages: ['warn'], inTab: true };
const popupPage: SenderRule = { context: 'extension-page', pages: ['popup'], inTab: false };
const contentScript: SenderRule = { context: 'content-script' };

export const messageContract = {
  /** An interstitial asks what it stands in for; the background decides, records and (warn) issues a nonce. */
  getInterstitial: {
    request: z.strictObject({
      type: z.literal('getInterstitial'),
      page: z.enum(interstitialPages),
      url: z.string().max(65_536),
    }),
    sender: interstitialPage,
    reply: interstitialInfoSchema,
  },
  /** The warn page's Continue, after a trusted click. */
  continue: {
    request: z.strictObject({ type: z.literal('continue'), nonce, justification: z.string().max(2000) }),
    sender: warnPage,
    reply: continueResultSchema,
  },
  goBack: {
    request: z.strictObject({ type: z.literal('goBack'), nonce }),
    sender: warnPage,
    reply: goBackResultSchema,
  },
  /**
   * Request access was clicked (a trusted click) on a block or warn page. Only the nonce and the page: the
   * background logs the service, host and rule it decided for that tab's page, once per page shown.
   */
  requestAccess: {
    request: z.strictObject({ type: z.literal('requestAccess'), page: z.enum(interstitialPages), nonce }),
    sender: interstitialPage,
    reply: requestAccessResultSchema,
  },
  /** The popup's policy view: what the policy in force does to every service (the popup does not decide). */
  getPolicyView: {
    request: z.strictObject({ type: z.literal('getPolicyView') }),
    sender: popupPage,
    reply: z.array(policyViewRowSchema),
  },
  /** The input guard, once per frame: does the guard apply here? */
  'guard:status': { request: guardStatusRequestSchema, sender: contentScript, reply: guardStatusReplySchema },
  /** The input guard: check one input (its verdict is applied before the page sees anything). */
  'guard:check': { request: guardCheckRequestSchema, sender: contentScript, reply: guardVerdictSchema },
  /** The input guard: the user's choice on a warn dialog or an overridable block. */
  'guard:outcome': {
    request: guardOutcomeRequestSchema,
    sender: contentScript,
    reply: guardOutcomeReplySchema,
  },
} as const satisfies Record<string, MessageSpec>;

export type MessageContract = typeof messageContract;
export type MessageType = keyof MessageContract;
export type Message = { [T in MessageType]: z.output<MessageContract[T]['request']> }[MessageType];
/** A request as the sender writes it (defaults not yet applied). */
export type MessageInput<T extends MessageType = MessageType> = z.input<MessageContract[T]['request']>;
export type MessageReply<T extends MessageType> = z.output<MessageContract[T]['reply']>;

/** Every request of the contract, for parsing what arrives. */
export const messageSchema = z.discriminatedUnion('type', [
  messageContract.getInterstitial.request,
  messageContract.continue.request,
  messageContract.goBack.request,
  messageContract.requestAccess.request,
  messageContract.getPolicyView.request,
  messageContract['guard:status'].request,
  messageContract['guard:check'].request,
  messageContract['guard:outcome'].request,
]);

/** What the router answers instead of a reply: unknown type, malformed request, refused sender, failure. */
export const routerErrorSchema = z.strictObject({ ok: z.literal(false), error: z.string() });
export type RouterError = z.infer<typeof routerErrorSchema>;

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

/** Whether `sender` may send `message` (a parsed request of the contract). */
export function senderAllowed(
  message: Message,
  sender: MessageSender,
  extension: { id: string; origin: string },
): boolean {
  return senderAllowedBy(messageContract[message.type].sender, message, sender, extension);
}

/** Whether `sender` may send `message` under `rule` (always this extension; never another one). */
export function senderAllowedBy(
  rule: SenderRule,
  message: Record<string, unknown>,
  sender: MessageSender,
  extension: { id: string; origin: string },
): boolean {
  if (sender.id !== extension.id) return false;
  if (rule.context === 'content-script') return sender.tab?.id !== undefined && isWebPage(sender);
  const page = extensionPageOf(sender.url ?? '', extension.origin);
  if (!page || !rule.pages.includes(page)) return false;
  if (rule.pageField !== undefined && message[rule.pageField] !== page) return false;
  return !rule.inTab || (sender.tab?.id !== undefined && sender.frameId === 0);
}

/** The extension page a URL shows (`…/warn.html#…` → warn), or null. */
function extensionPageOf(url: string, origin: string): ExtensionPage | null {
  const match = /^\/([a-z]+)\.html(?:[#?]|$)/.exec(
    url.startsWith(`${origin}/`) ? url.slice(origin.length) : '',
  );
  const page = match?.[1];
  return page === 'blocked' || page === 'warn' || page === 'popup' ? page : null;
}

function isWebPage(sender: MessageSender): boolean {
  return /^https?:/i.test(sender.url ?? '') || /^https?:/i.test(sender.origin ?? '');
}

/**
 * Sends a message and parses the reply with the contract's schema. A router error (refused, malformed,
 * failed) or a reply that does not parse throws, with the router's reason when it gave one.
 */
export async function ask<T extends MessageType>(
  send: (message: MessageInput) => Promise<unknown>,
  message: MessageInput<T> & { type: T },
): Promise<MessageReply<T>> {
  const raw = await send(message);
  const spec: MessageSpec = messageContract[message.type];
  const reply = spec.reply.safeParse(raw);
  if (reply.success) return reply.data as MessageReply<T>;
  const refused = routerErrorSchema.safeParse(raw);
  throw new Error(
    refused.success
      ? `the background refused ${message.type}: ${refused.data.error}`
      : `unexpected answer to ${message.type}`,
  );
}
