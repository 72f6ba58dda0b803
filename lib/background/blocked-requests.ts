// Logs what the browser's block rules stopped below the page: frames (redirected to the block page, which
// refuses to work in a frame) and sub-resources (fetch, XHR, websockets… failing with the browser's block error).
// Observation only: enforcement stays in declarativeNetRequest. Coalesced per tab, service and type, and
// capped per tab and minute (lib/log/flood-cap.ts).
import browser, { type WebRequest } from 'webextension-polyfill';
import { createBlockCoalescer } from '../log/block-coalescer';
import { blockedRequestEvent, requestTypeOf, type BlockedEventInput } from '../log/blocked-request';
import { createFloodCap } from '../log/flood-cap';
import { loadCompiledPolicy } from './current-policy';
import { recordEvent } from './record-event';

/**
 * How each browser reports a request its declarativeNetRequest rules blocked: Chromium as
 * net::ERR_BLOCKED_BY_CLIENT, Firefox as NS_ERROR_ABORT (its DNR cancels the channel with that code).
 * Either way a request is logged only when the policy in force blocks its URL.
 */
const blockedByRules = new Set(['net::ERR_BLOCKED_BY_CLIENT', 'NS_ERROR_ABORT']);

export interface BlockedRequestWatch {
  /** Records the requests still being coalesced. */
  flush(): void;
}

export function watchBlockedRequests(options: {
  blockPageUrl: string;
  windowMs?: number;
  /** Blocked-request events per tab and minute before the flood cap holds the rest back. */
  floodLimit?: number;
}): BlockedRequestWatch {
  const policy = async () => (await loadCompiledPolicy()).compiled;
  const logged = (what: string) => (error: unknown) =>
    console.error(`Gatehouse could not log ${what}`, error);

  const cap = createFloodCap({
    ...(options.floodLimit !== undefined ? { limit: options.floodLimit } : {}),
    onEngage: (tabId) =>
      void incognitoOf(tabId)
        .then((incognito) => recordEvent({ kind: 'log_flood', phase: 'started', suppressed: 0, incognito }))
        .catch(logged('a flood of blocked requests')),
    onEnd: (tabId, suppressed) =>
      void incognitoOf(tabId)
        .then((incognito) => recordEvent({ kind: 'log_flood', phase: 'ended', suppressed, incognito }))
        .catch(logged('a flood of blocked requests')),
  });
  const coalescer = createBlockCoalescer<{ tabId: number; event: BlockedEventInput }>({
    windowMs: options.windowMs ?? 2000,
    record: ({ tabId, event, resourceType, count }) => {
      if (!cap.admit(tabId, count)) return;
      void incognitoOf(tabId)
        .then((incognito) => recordEvent({ ...event, resourceType, count, incognito }))
        .catch(logged('a blocked request'));
    },
  });

  function blocked(url: string, type: string, tabId: number): void {
    const resourceType = requestTypeOf(type);
    if (!resourceType) return;
    policy().then(
      (current) => {
        const event = blockedRequestEvent(url, current);
        if (event)
          coalescer.hit({ tabId, service: event.service ?? null, resourceType, event: { tabId, event } });
      },
      (error: unknown) =>
        console.error('Gatehouse could not read the policy to log a blocked request', error),
    );
  }

  const filter: WebRequest.RequestFilter = { urls: ['<all_urls>'] };
  browser.webRequest.onErrorOccurred.addListener((details) => {
    if (blockedByRules.has(details.error)) blocked(details.url, details.type, details.tabId);
  }, filter);
  browser.webRequest.onBeforeRedirect.addListener(
    (details) => {
      if (details.redirectUrl.startsWith(`${options.blockPageUrl}#`))
        blocked(details.url, details.type, details.tabId);
    },
    { ...filter, types: ['sub_frame'] },
  );
  return { flush: () => coalescer.flush() };
}

async function incognitoOf(tabId: number): Promise<boolean> {
  if (tabId < 0) return false;
  return browser.tabs.get(tabId).then(
    (tab) => tab.incognito,
    () => false, // the tab closed meanwhile
  );
}
