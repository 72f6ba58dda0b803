// Receives every runtime message: parses it with the contract in lib/messages.ts, checks the sender, dispatches.
import browser, { type Runtime } from 'webextension-polyfill';
import { messageSchema, senderAllowed, senderTab, type Message, type SenderTab } from '../messages';
import { readCompiledPolicy } from './active-policy-store';
import type { DnrApi } from './dnr-api';
import { continueToService, goBack, openInterstitial } from './interstitial-service';
import { pasteMessageHandlers } from './paste-guard-background';

type Handlers = {
  [T in Message['type']]: (
    message: Extract<Message, { type: T }>,
    tab: SenderTab,
    sender: Runtime.MessageSender,
  ) => Promise<unknown>;
};

export function messageHandlers(dnr: DnrApi): Handlers {
  return {
    getInterstitial: (m, tab) => openInterstitial(m.page, m.url, tab),
    continue: (m, tab) => continueToService(dnr, tab, m.nonce, m.justification),
    goBack: (m, tab) => goBack(tab, m.nonce),
    getActivePolicy: async () => (await readCompiledPolicy()).active,
    ...pasteMessageHandlers(async () => (await readCompiledPolicy()).compiled),
  };
}

/**
 * A runtime.onMessage listener. Malformed or unauthorised messages of a type it handles get
 * `{ ok: false, error }`; messages of other types get no answer here, so another listener may give one.
 */
export function createMessageListener(handlers: Handlers) {
  const extension = { id: browser.runtime.id, origin: new URL(browser.runtime.getURL('/')).origin };
  return (raw: unknown, sender: Runtime.MessageSender): Promise<unknown> | undefined => {
    const type = typeof raw === 'object' && raw !== null ? (raw as { type?: unknown }).type : undefined;
    if (typeof type !== 'string' || !Object.hasOwn(handlers, type)) return undefined;
    const parsed = messageSchema.safeParse(raw);
    if (!parsed.success) return Promise.resolve({ ok: false, error: 'malformed message' });
    const message = parsed.data;
    if (!senderAllowed(message, sender, extension))
      return Promise.resolve({ ok: false, error: 'sender not allowed' });
    const handler = handlers[message.type] as (
      m: Message,
      tab: SenderTab,
      sender: Runtime.MessageSender,
    ) => Promise<unknown>;
    return handler(message, senderTab(sender), sender).catch((error: unknown) => ({
      ok: false,
      error: error instanceof Error ? error.message : String(error),
    }));
  };
}
