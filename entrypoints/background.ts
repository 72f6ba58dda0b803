// Background service worker: wires browser events to lib/background (the logic lives there).
import browser from 'webextension-polyfill';
import { defineBackground } from 'wxt/utils/define-background';
import { createAlarmListener } from '../lib/background/alarms';
import { watchBlockedRequests } from '../lib/background/blocked-requests';
import { startEventLog } from '../lib/background/event-log';
import { createForwarder } from '../lib/background/forwarder';
import { grantExpiry } from '../lib/background/grants';
import { checkHostAccess } from '../lib/background/host-access';
import { syncInputGuardScript } from '../lib/background/guard-script';
import { forgetTab } from '../lib/background/interstitial-service';
import { messageHandlers } from '../lib/background/message-handlers';
import { createMessageListener } from '../lib/background/message-router';
import { onPolicyApplied } from '../lib/background/policy-applied';
import { applyPolicy } from '../lib/background/policy-loader';
import { schedulePolicyRefresh } from '../lib/background/policy-refresh';
import { recordEvent } from '../lib/background/record-event';
import { testHookContract, testHookHandlers } from '../lib/background/test-hooks';
import { browserDnr } from '../lib/browser/dnr-api';
import { hasHostAccess, onHostAccessChange } from '../lib/browser/host-access';
import { activePolicyItem, managedPolicyItem } from '../lib/browser/storage-items';
import { shippedCatalog } from '../lib/catalog/shipped-catalog';
import { messageContract } from '../lib/messages';
import { compilePolicy } from '../lib/policy/compile-policy';

export default defineBackground(() => {
  // First, so events recorded by anything started below reach the log. The log is the forwarding outbox;
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
  // The input guard follows the policy in force: its content script is re-registered on every change.
  onPolicyApplied((active) => syncInputGuardScript(compilePolicy(active.policy, shippedCatalog())));
  // A new policy may change the forwarding endpoint or switch forwarding on.
  onPolicyApplied(() => forwarder.kick());
  const apply = () => void applyPolicy(deps);
  const policyRefresh = schedulePolicyRefresh(() => applyPolicy(deps, { ifChanged: true }));
  // Listeners are registered synchronously so the event that woke the worker is delivered.
  browser.runtime.onInstalled.addListener(apply);
  browser.runtime.onStartup.addListener(apply);
  managedPolicyItem.watch(apply);
  // A withdrawn (or restored) host permission changes which rules can work: install them again.
  onHostAccessChange(apply);
  browser.alarms.onAlarm.addListener(
    createAlarmListener([grantExpiry(dnr), log.retention, forwarder.alarms, policyRefresh], (name, error) =>
      console.error(`Gatehouse: the alarm ${name} failed`, error),
    ),
  );
  browser.tabs.onRemoved.addListener((tabId) => void forgetTab(tabId));
  const extension = { id: browser.runtime.id, origin: new URL(browser.runtime.getURL('/')).origin };
  // The testhooks build (e2e seeding only) adds its messages; production's bundle has none of them.
  browser.runtime.onMessage.addListener(
    import.meta.env.MODE === 'testhooks'
      ? createMessageListener(
          { ...messageContract, ...testHookContract() },
          { ...messageHandlers(dnr), ...testHookHandlers() },
          extension,
        )
      : createMessageListener(messageContract, messageHandlers(dnr), extension),
  );
  // Frames and sub-resources the rules blocked: logged here, since no block page records them.
  watchBlockedRequests({ blockPageUrl: deps.target.blockPageUrl });
  // Resume forwarding from the stored cursor whenever the worker starts.
  void forwarder.kick();
});
