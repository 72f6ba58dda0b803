// The rules' backstop on top-level pages: a page that loaded although the policy in force blocks or warns on
// it goes to the interstitial. declarativeNetRequest never sees a navigation a site's own service worker
// answers, nor a page that was open before the policy began to block or warn on it.
import browser from 'webextension-polyfill';
import type { InterstitialPage } from '../interstitial/interstitial-info';
import type { CompiledPolicy } from '../policy/compile-policy';
import { decideCompiled, type Decision } from '../policy/decide';
import { tabHoldsGrant } from './grants';
import { noteInterstitialRedirect } from './observed-redirects';

export interface InterstitialUrls {
  blockPageUrl: string;
  warnPageUrl: string;
}

/** The interstitial a top-level page with this decision must show, or null when it may stay. */
export async function interstitialFor(tabId: number, decision: Decision): Promise<InterstitialPage | null> {
  if (!decision.enforced) return null;
  if (decision.action === 'block') return 'blocked';
  if (decision.action !== 'warn') return null;
  const warned = { service: decision.service?.id ?? null, rule: decision.rule };
  return (await tabHoldsGrant(tabId, warned)) ? null : 'warn';
}

/**
 * Sends the tab to the block or warn page when the policy stops `url` there; true when it did. The
 * redirect is noted first, so the page records its event as if the browser's rule had sent it.
 */
export async function enforceOnTab(
  tabId: number,
  url: string,
  compiled: CompiledPolicy,
  pages: InterstitialUrls,
): Promise<boolean> {
  const page = await interstitialFor(tabId, decideCompiled(url, compiled));
  if (!page) return false;
  await noteInterstitialRedirect(tabId, page, url);
  const pageUrl = page === 'blocked' ? pages.blockPageUrl : pages.warnPageUrl;
  await browser.tabs.update(tabId, { url: `${pageUrl}#${url}` });
  return true;
}

/** After a new policy: every open tab on a page it blocks or warns on goes to the interstitial. */
export async function enforceOnOpenTabs(compiled: CompiledPolicy, pages: InterstitialUrls): Promise<number> {
  let sent = 0;
  for (const tab of await browser.tabs.query({})) {
    if (tab.id === undefined || !tab.url || !/^https?:/i.test(tab.url)) continue;
    // A tab that closed meanwhile is no failure of the others.
    const moved = await enforceOnTab(tab.id, tab.url, compiled, pages).catch(() => false);
    if (moved) sent++;
  }
  return sent;
}
