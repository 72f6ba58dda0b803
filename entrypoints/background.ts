// Background service worker: wires browser events to lib/background (the logic lives there).
import browser from 'webextension-polyfill';
import { defineBackground } from 'wxt/utils/define-background';
import { createAlarmListener } from '../lib/background/alarms';
import { watchBlockedRequests } from '../lib/background/blocked-requests';
import { startEventLog } from '../lib/background/event-log';
import { createForwarder } from '../lib/background/forwarder';
import { grantExpiry } from '../lib/background/grants';
import { createSessionStart } from '../lib/background/extension-start';
import { loadCompiledPolicy } from '../lib/background/current-policy';
import { enforceOnOpenTabs } from '../lib/background/navigation-backstop';
import { watchInterstitialRedirects } from '../lib/background/observed-redirects';
import { watchTopLevelNavigations } from '../lib/background/top-level-navigations';
import { forgetVisits } from '../lib/background/visit-log';
import { checkHostAccess } from '../lib/background/host-access';
import { syncInputGuardScript } from '../lib/background/guard-script';
import { forgetTab } from '../lib/background/interstitial-service';
import { messageHandlers } from '../lib/background/message-handlers';
import { createMessageListener } from '../lib/background/message-router';
import {
  forgetTabPlaceholders,
  keptPlaceholdersFollow,
  tabNavigated,
} from '../lib/background/placeholder-store';
import { onPolicyApplied } from '../lib/background/policy-applied';
import { applyPolicy } from '../lib/background/policy-loader';
import { schedulePolicyRefresh } from '../lib/background/policy-refresh';
import { startMarks } from '../lib/background/start-marks';
import { recordEvent } from '../lib/background/record-event';
import { testHookContract, testHookHandlers } from '../lib/background/test-hooks';
import { browserDnr } from '../lib/browser/dnr-api';
import { hasHostAccess, onHostAccessChange } from '../lib/browser/host-access';
import { activePolicyItem, managedPolicyItem, managedPolicyJsonItem } from '../lib/browser/storage-items';
import { shippedCatalog } from '../lib/catalog/shipped-catalog';
import { messageContract } from '../lib/messages';
import { compilePolicy } from '../lib/policy/compile-policy';

export default defineBackground(() => {
  performance.mark(startMarks.workerStarted);
  const targetBrowser = import.meta.env.BROWSER === 'firefox' ? ('firefox' as const) : ('chromium' as const);
  const dnr = browserDnr(targetBrowser);
  const deps = {
    dnr,
    hostAccess: () => checkHostAccess(hasHostAccess),
    target: {
      browser: targetBrowser,
      blockPageUrl: browser.runtime.getURL('/blocked.html'),
      warnPageUrl: browser.runtime.getURL('/warn.html'),
    },
  };
  // Install, update, browser start: the known policy's rules at once, grants of an earlier session end.
  // Begun first, before anything else asks the browser for something, and not only when the browser's
  // install or startup event arrives, which may be much later.
  const sessionStart = createSessionStart(deps);
  const start = () =>
    void sessionStart().catch((error: unknown) => console.error('Gatehouse could not start', error));
  start();
  // Events recorded before the log is open wait for it (record-event.ts). The log is the forwarding outbox;
  // its hooks run only after a write or on an alarm, by when `forwarder` exists.
  const log = startEventLog({
    onStored: () => void forwarder.kick(),
    keepAfterSeq: () => forwarder.retentionFloor(),
  });
  const forwarder = createForwarder({
    outbox: () => log.store,
    activePolicy: async () => (await activePolicyItem.load()).policy,
    recordEvent,
  });

  const pages = { blockPageUrl: deps.target.blockPageUrl, warnPageUrl: deps.target.warnPageUrl };
  // The input guard follows the policy in force: its content script is re-registered on every change.
  onPolicyApplied((active) => syncInputGuardScript(compilePolicy(active.policy, shippedCatalog())));
  // A new policy may change the forwarding endpoint or switch forwarding on.
  onPolicyApplied(() => forwarder.kick());
  // Tabs' kept placeholder maps go when a policy stops keeping them, the tab closes or leaves the origin.
  onPolicyApplied((active) => keptPlaceholdersFollow(active.policy));
  // Tabs already on a service the new policy blocks or warns on go to the interstitial.
  onPolicyApplied(async () => void (await enforceOnOpenTabs((await loadCompiledPolicy()).compiled, pages)));
  const apply = () => void applyPolicy(deps);
  const policyRefresh = schedulePolicyRefresh(() => applyPolicy(deps, { ifChanged: true }));
  // Listeners are registered synchronously so the event that woke the worker is delivered.
  browser.runtime.onInstalled.addListener(start);
  browser.runtime.onStartup.addListener(start);
  for (const item of [managedPolicyJsonItem, managedPolicyItem]) item.watch(apply);
  // A withdrawn (or restored) host permission changes which rules can work: install them again.
  onHostAccessChange(apply);
  browser.alarms.onAlarm.addListener(
    createAlarmListener([grantExpiry(dnr), log.retention, forwarder.alarms, policyRefresh], (name, error) =>
      console.error(`Gatehouse: the alarm ${name} failed`, error),
    ),
  );
  browser.tabs.onRemoved.addListener((tabId) => {
    void forgetTab(tabId);
    void forgetTabPlaceholders(tabId);
    void forgetVisits(tabId);
  });
  browser.tabs.onUpdated.addListener((tabId, change) => {
    if (change.url !== undefined) void tabNavigated(tabId, change.url);
  });
  const extension = { id: browser.runtime.id, origin: new URL(browser.runtime.getURL('/')).origin };
  // The testhooks build (e2e seeding only) adds its messages; production's bundle has none of them.
  browser.runtime.onMessage.addListener(
    import.meta.env.MODE === 'testhooks'
      ? createMessageListener(
          { ...messageContract, ...testHookContract() },
          { ...messageHandlers(dnr, deps.target.browser), ...testHookHandlers() },
          extension,
        )
      : createMessageListener(messageContract, messageHandlers(dnr, deps.target.browser), extension),
  );
  // Frames and sub-resources the rules blocked: logged here, since no block page records them.
  watchBlockedRequests({ blockPageUrl: deps.target.blockPageUrl });
  // The interstitial loads that may record an event: those the rules (or the backstop) sent a tab to.
  watchInterstitialRedirects(pages);
  // Pages the rules never saw (a site's service worker answered) meet the backstop; visits are logged.
  watchTopLevelNavigations(pages);
  // Resume forwarding from the stored cursor whenever the worker starts.
  void forwarder.kick();
});
