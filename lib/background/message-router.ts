// The worker's one runtime.onMessage listener: parses each request with the contract (lib/messages.ts),
// checks its sender from the contract's rule, dispatches to the handler and checks the reply it sends back.
import type { Runtime } from 'webextension-polyfill';
import type { z } from 'zod';
import {
  senderAllowedBy,
  senderTab,
  type MessageSender,
  type MessageSpec,
  type RouterError,
  type SenderTab,
} from '../messages';

/** One handler per message of `C`; it gets the parsed request and returns the reply (before its defaults). */
export type MessageHandlers<C extends Record<string, MessageSpec>> = {
  [T in keyof C]: (
    message: z.output<C[T]['request']>,
    tab: SenderTab,
    sender: Runtime.MessageSender,
  ) => Promise<z.input<C[T]['reply']>>;
};

const refuse = (error: string): Promise<RouterError> => Promise.resolve({ ok: false, error });

/**
 * A runtime.onMessage listener for `contract`. It answers every message: unknown types, malformed
 * requests and refused senders with `{ ok: false, error }`, as does a handler that fails or replies
 * outside its schema (a bug, reported rather than sent).
 */
export function createMessageListener<C extends Record<string, MessageSpec>>(
  contract: C,
  handlers: MessageHandlers<C>,
  extension: { id: string; origin: string },
) {
  return (raw: unknown, sender: Runtime.MessageSender): Promise<unknown> => {
    const type = typeof raw === 'object' && raw !== null ? (raw as { type?: unknown }).type : undefined;
    if (typeof type !== 'string' || !Object.hasOwn(contract, type)) return refuse('unknown message type');
    const spec: MessageSpec = contract[type]!;
    const parsed = spec.request.safeParse(raw);
    if (!parsed.success) return refuse('malformed message');
    if (!senderAllowedBy(spec.sender, parsed.data, sender as MessageSender, extension))
      return refuse('sender not allowed');
    const handler = handlers[type] as (
      message: unknown,
      tab: SenderTab,
      sender: Runtime.MessageSender,
    ) => Promise<unknown>;
    return handler(parsed.data, senderTab(sender as MessageSender), sender).then(
      (reply) => {
        const checked = spec.reply.safeParse(reply);
        if (checked.success) return checked.data;
        console.error(`Gatehouse: the ${type} handler replied outside its schema`, checked.error);
        return { ok: false, error: `the background could not answer ${type}` };
      },
      (error: unknown) => ({ ok: false, error: error instanceof Error ? error.message : String(error) }),
    );
  };
}
