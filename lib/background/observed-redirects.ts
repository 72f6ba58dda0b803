// The redirects to the block and warn pages the background saw (its rules', through webRequest) or made
// (the navigation backstop): the only page loads that record a blocked or warned event. A web page that
// opens blocked.html#<url> itself is shown the details and records nothing.
import browser from 'webextension-polyfill';
import type { InterstitialPage } from '../interstitial/interstitial-info';
import {
  noteRedirect,
  takeRedirect,
  type InterstitialRedirect,
  type InterstitialRedirects,
} from '../interstitial/interstitial-redirects';
import { interstitialRedirectsItem } from '../browser/storage-items';

let chain: Promise<unknown> = Promise.resolve();
const waiting = new Set<() => void>();

/** One read-modify-write at a time: webRequest events and page messages arrive concurrently. */
function update<T>(change: (redirects: InterstitialRedirects) => { result: T; next: InterstitialRedirects }) {
  const run = chain.then(async () => {
    const { result, next } = change(await interstitialRedirectsItem.load());
    await interstitialRedirectsItem.write(next);
    return result;
  });
  chain = run.catch(() => undefined);
  return run;
}

export async function noteInterstitialRedirect(
  tabId: number,
  page: InterstitialPage,
  url: string,
  now = Date.now(),
): Promise<void> {
  await update((redirects) => ({
    result: undefined,
    next: noteRedirect(redirects, tabId, { page, url: url.slice(0, 65_536), at: now }),
  }));
  for (const wake of [...waiting]) wake();
}

/**
 * The redirect this page load stands for, consumed, or null. The page can ask before the browser's
 * redirect event reached the worker, so a missing one is waited for up to `waitMs`.
 */
export async function takeInterstitialRedirect(
  tabId: number,
  page: InterstitialPage,
  url: string,
  waitMs = 1000,
): Promise<InterstitialRedirect | null> {
  const deadline = Date.now() + waitMs;
  for (;;) {
    const taken = await update((redirects) => {
      const { taken, rest } = takeRedirect(redirects, tabId, page, url, Date.now());
      return { result: taken, next: rest };
    });
    const left = deadline - Date.now();
    if (taken || left <= 0) return taken;
    await new Promise<void>((resolve) => {
      const wake = () => {
        waiting.delete(wake);
        clearTimeout(timer);
        resolve();
      };
      const timer = setTimeout(wake, left);
      waiting.add(wake);
    });
  }
}

/** Notes every top-level redirect the browser's rules (dynamic or static) make to an interstitial. */
export function watchInterstitialRedirects(pages: { blockPageUrl: string; warnPageUrl: string }): void {
  browser.webRequest.onBeforeRedirect.addListener(
    (details) => {
      const page = details.redirectUrl.startsWith(`${pages.blockPageUrl}#`)
        ? 'blocked'
        : details.redirectUrl.startsWith(`${pages.warnPageUrl}#`)
          ? 'warn'
          : null;
      if (page && details.tabId >= 0)
        void noteInterstitialRedirect(details.tabId, page, details.url).catch((error: unknown) =>
          console.error('Gatehouse could not note a redirect to its interstitial', error),
        );
    },
    { urls: ['<all_urls>'], types: ['main_frame'] },
  );
}
