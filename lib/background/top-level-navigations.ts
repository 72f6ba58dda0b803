// Every page a tab's top frame commits: the backstop sends it to the interstitial if the policy stops it
// (navigation-backstop.ts); otherwise it may be a visit to log (visit-log.ts).
import browser from 'webextension-polyfill';
import { decideCompiled } from '../policy/decide';
import { loadCompiledPolicy } from './current-policy';
import { enforceOnTab, type InterstitialUrls } from './navigation-backstop';
import { logVisit } from './visit-log';

export async function onTopLevelPage(tabId: number, url: string, pages: InterstitialUrls): Promise<void> {
  const { compiled } = await loadCompiledPolicy();
  if (await enforceOnTab(tabId, url, compiled, pages)) return;
  await logVisit(tabId, url, decideCompiled(url, compiled), compiled, () =>
    browser.tabs.get(tabId).then(
      (tab) => tab.incognito,
      () => false, // the tab closed meanwhile
    ),
  );
}

export function watchTopLevelNavigations(pages: InterstitialUrls): void {
  browser.webNavigation.onCommitted.addListener((details) => {
    if (details.frameId !== 0 || details.tabId < 0) return;
    void onTopLevelPage(details.tabId, details.url, pages).catch((error: unknown) =>
      console.error('Gatehouse could not check a page its tab opened', error),
    );
  });
}
