// The background's side of kept placeholder maps (`redaction.placeholderMap: tab`): session storage, which
// content scripts cannot read (no setAccessLevel), so each tab's input guard gets its own tab's map only.
// Maps go when the tab closes, when it navigates to another origin, and when a policy stops keeping them.
import type { Runtime } from 'webextension-polyfill';
import { keptPlaceholdersItem } from '../browser/storage-items';
import { guardForPage } from '../guard/guard-for-page';
import {
  keepsPlaceholders,
  keptFor,
  withAdded,
  withoutTab,
  type KeptPlaceholders,
} from '../guard/kept-placeholders';
import type { MessageContract } from '../messages';
import type { CompiledPolicy } from '../policy/compile-policy';
import type { Policy } from '../policy/policy-schema';
import type { MessageHandlers } from './message-router';

type PlaceholderMessages = Pick<MessageContract, 'placeholders:load' | 'placeholders:add'>;

// Read-modify-write of one stored value: serialised, so two tabs adding at once lose nothing.
let queue: Promise<unknown> = Promise.resolve();

function update(change: (kept: KeptPlaceholders) => KeptPlaceholders): Promise<void> {
  const run = queue.then(async () => {
    const kept = await keptPlaceholdersItem.load();
    const next = change(kept);
    if (next !== kept) await keptPlaceholdersItem.write(next);
  });
  queue = run.catch(() => undefined);
  return run;
}

export function placeholderMessageHandlers(
  active: () => Promise<CompiledPolicy>,
): MessageHandlers<PlaceholderMessages> {
  /** The page's origin when its map is kept; null otherwise (then any kept map of the tab goes). */
  const keptOrigin = async (tabId: number, sender: Runtime.MessageSender): Promise<string | null> => {
    const url = sender.url ?? '';
    const topFrame = sender.frameId === 0;
    if (/^https?:/i.test(url) && keepsPlaceholders(guardForPage(url, await active()), topFrame))
      return new URL(url).origin;
    if (topFrame) await update((kept) => withoutTab(kept, tabId));
    return null;
  };
  return {
    'placeholders:load': async (_message, tab, sender) => {
      const origin = await keptOrigin(tab.id, sender);
      if (origin === null) return { entries: [] };
      await queue;
      return { entries: keptFor(await keptPlaceholdersItem.load(), tab.id, origin) };
    },
    'placeholders:add': async (message, tab, sender) => {
      const origin = await keptOrigin(tab.id, sender);
      if (origin === null) return { kept: false };
      try {
        await update((kept) => withAdded(kept, tab.id, origin, message.entries));
        return { kept: true };
      } catch (error) {
        // Session storage is full (its quota is shared by every tab): the map lives on in the page only.
        console.error('Gatehouse: a tab\u2019s placeholder map could not be kept', error);
        return { kept: false };
      }
    },
  };
}

/** The tab closed. */
export function forgetTabPlaceholders(tabId: number): Promise<void> {
  return update((kept) => withoutTab(kept, tabId));
}

/** The tab's top frame navigated: a map made on another origin goes. */
export function tabNavigated(tabId: number, url: string): Promise<void> {
  let origin: string;
  try {
    origin = new URL(url).origin;
  } catch {
    origin = 'null';
  }
  return update((kept) => withoutTab(kept, tabId, origin));
}

/** A policy was applied: if it keeps no maps (or no numbers), none stay. */
export function keptPlaceholdersFollow(policy: Policy): Promise<void> {
  if (policy.redaction.placeholderMap === 'tab' && policy.redaction.placeholders !== 'typed')
    return Promise.resolve();
  return update((kept) => (Object.keys(kept).length === 0 ? kept : {}));
}
