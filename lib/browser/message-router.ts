// Receives every runtime message: parses it with the contract in lib/messages.ts, checks the sender, dispatches.
import browser, { type Runtime } from 'webextension-polyfill';
import { messageSchema, senderAllowed, type Message } from '../messages';
import { readCompiledPolicy } from './active-policy-store';
import type { DnrApi } from './dnr-api';
import { continueToService, goBack, openInterstitial } from './interstitial-service';

type Handlers = {
  [T in Message['type']]: (message: Extract<Message, { type: T }>, tabId: number) => Promise<unknown>;
};

export function messageHandlers(dnr: DnrApi): Handlers {
  return {
    getInterstitial: (m, tabId) => openInterstitial(m.page, m.url, tabId),
    continue: (m, tabId) => continueToService(dnr, tabId, m.nonce, m.justification),
    goBack: (m, tabId) => goBack(tabId, m.nonce),
    getActivePolicy: async () => (await readCompiledPolicy()).active,
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
    const handler = handlers[message.type] as (m: Message, tabId: number) => Promise<unknown>;
    return handler(message, sender.tab?.id ?? -1).catch((error: unknown) => ({
      ok: false,
      error: error instanceof Error ? error.message : String(error),
    }));
  };
}
