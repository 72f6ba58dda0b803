// Background side of the paste guard: registers the content script for guarded hosts, answers its messages.
import browser, { type Runtime } from 'webextension-polyfill';
import { guardPaste } from '../paste/guard-paste';
import { pasteGuardFor } from '../paste/paste-guard-for';
import { eventForOutcome, eventsForVerdict, type PasteEventContext } from '../paste/paste-events';
import { pasteGuardMatchPatterns } from '../paste/match-patterns';
import type { z } from 'zod';
import type { PasteRequest, pasteRequestSchema } from '../paste/paste-messages';
import type { CompiledPolicy } from '../policy/compile-policy';
import { senderTab, type SenderTab } from '../messages';
import { recordEvent } from './record-event';

const scriptId = 'gatehouse-paste-guard';
const scriptFile = 'content-scripts/paste-guard.js';

let registering: Promise<void> = Promise.resolve();

/** (Re-)registers the content script for the active policy; calls are serialised. */
export function syncPasteGuardScript(compiled: CompiledPolicy): Promise<void> {
  registering = registering.catch(() => undefined).then(() => register(pasteGuardMatchPatterns(compiled)));
  return registering;
}

async function register(matches: string[]): Promise<void> {
  const existing = await browser.scripting.getRegisteredContentScripts({ ids: [scriptId] });
  if (existing.length > 0) await browser.scripting.unregisterContentScripts({ ids: [scriptId] });
  if (matches.length === 0) return;
  await browser.scripting.registerContentScripts([
    {
      id: scriptId,
      js: [scriptFile],
      matches,
      allFrames: true,
      // about:blank and srcdoc frames inherit their creator's origin: guard them too.
      matchOriginAsFallback: true,
      runAt: 'document_start',
      world: 'ISOLATED',
      persistAcrossSessions: true,
    },
  ]);
  // Registered scripts only reach pages loaded from now on: guard the tabs already open as well.
  const tabs = await browser.tabs.query({ url: matches });
  await Promise.all(
    tabs.map(
      (tab) =>
        tab.id === undefined
          ? undefined
          : browser.scripting
              .executeScript({ target: { tabId: tab.id, allFrames: true }, files: [scriptFile] })
              .catch(() => undefined), // a tab showing an error page or still loading cannot take scripts
    ),
  );
}

type PasteMessage<T extends PasteRequest['type']> = Extract<z.output<typeof pasteRequestSchema>, { type: T }>;
type PasteHandler<T extends PasteRequest['type']> = (
  message: PasteMessage<T>,
  tab: SenderTab,
  sender: Runtime.MessageSender,
) => Promise<unknown>;

/**
 * Handlers for the `paste:*` messages (the router has parsed them and checked that they come from a
 * content script in a web page's tab). The page, tab and service come from `sender`, never from the
 * message: content scripts are the least trusted context.
 */
export function pasteMessageHandlers(active: () => Promise<CompiledPolicy>): {
  'paste:guard': PasteHandler<'paste:guard'>;
  'paste:check': PasteHandler<'paste:check'>;
  'paste:outcome': PasteHandler<'paste:outcome'>;
} {
  const prepare = async (sender: Runtime.MessageSender) => {
    const url = senderPageUrl(sender);
    if (!url) throw new Error('paste messages are accepted from web pages only');
    const compiled = await active();
    const guard = pasteGuardFor(url, compiled);
    const context: PasteEventContext & { url?: string } = {
      service: guard.guarded ? guard.service : null,
      rule: guard.guarded ? guard.rule : null,
      host: new URL(url).hostname,
      incognito: senderTab(sender).incognito,
      ...(compiled.policy.logging.fullUrls ? { url } : {}),
    };
    return { guard, context };
  };
  return {
    'paste:guard': async (_message, _tab, sender) => {
      const { guard } = await prepare(sender);
      return guard.guarded ? { guarded: true, files: guard.paste.files } : { guarded: false };
    },
    'paste:check': async (message, _tab, sender) => {
      const { guard, context } = await prepare(sender);
      const verdict = guardPaste(message, guard);
      for (const event of eventsForVerdict(verdict, context)) await recordEvent(event);
      return verdict;
    },
    'paste:outcome': async (message, _tab, sender) => {
      const { guard, context } = await prepare(sender);
      if (!guard.guarded) throw new Error('no paste guard applies to this page');
      await recordEvent(eventForOutcome(message, context));
      return { recorded: true };
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
