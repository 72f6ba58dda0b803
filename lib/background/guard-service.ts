// The background's side of the input guard: answers its content script's messages (is this page guarded,
// check this input, the user's choice) and records the events. Page, tab and service come from the
// sender, never from the message.
import type { Runtime } from 'webextension-polyfill';
import { checkInput } from '../guard/check-input';
import { eventForOutcome, eventsForVerdict, type GuardEventContext } from '../guard/guard-events';
import { guardForPage } from '../guard/guard-for-page';
import { senderTab, type MessageContract } from '../messages';
import type { CompiledPolicy } from '../policy/compile-policy';
import type { MessageHandlers } from './message-router';
import { recordEvent } from './record-event';

type GuardMessages = Pick<MessageContract, 'guard:status' | 'guard:check' | 'guard:outcome'>;

/**
 * Handlers for the `guard:*` messages (the router has parsed them and checked that they come from a
 * content script in a web page's tab).
 */
export function guardMessageHandlers(active: () => Promise<CompiledPolicy>): MessageHandlers<GuardMessages> {
  const prepare = async (sender: Runtime.MessageSender) => {
    const url = senderPageUrl(sender);
    if (!url) throw new Error('input guard messages are accepted from web pages only');
    const compiled = await active();
    const guard = guardForPage(url, compiled);
    const context: GuardEventContext & { url?: string } = {
      service: guard.guarded ? guard.service : null,
      rule: guard.guarded ? guard.rule : null,
      host: new URL(url).hostname,
      incognito: senderTab(sender).incognito,
      ...(compiled.policy.logging.fullUrls ? { url } : {}),
    };
    return { guard, context };
  };
  return {
    'guard:status': async (_message, _tab, sender) => {
      const { guard } = await prepare(sender);
      return guard.guarded ? { guarded: true, files: guard.paste.files } : { guarded: false };
    },
    'guard:check': async (message, _tab, sender) => {
      const { guard, context } = await prepare(sender);
      const verdict = checkInput(message, guard);
      for (const event of eventsForVerdict(verdict, context)) await recordEvent(event);
      return verdict;
    },
    'guard:outcome': async (message, _tab, sender) => {
      const { guard, context } = await prepare(sender);
      if (!guard.guarded) throw new Error('no input guard applies to this page');
      await recordEvent(eventForOutcome(message, context));
      return { recorded: true as const };
    },
  };
}

/** The frame's URL; about:blank and srcdoc frames report their creator's origin instead. */
function senderPageUrl(sender: Runtime.MessageSender): string | null {
  const url = sender.url ?? '';
  if (/^https?:/i.test(url)) return url;
  const origin = (sender as { origin?: string }).origin;
  return origin && /^https?:/i.test(origin) ? `${origin}/` : null;
}
