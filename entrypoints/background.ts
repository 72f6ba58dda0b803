// Background service worker: wires browser events to lib/ (see lib/browser/ for the adapters).
import browser from 'webextension-polyfill';
import { defineBackground } from 'wxt/utils/define-background';
import { shippedCatalog } from '../lib/catalog/shipped-catalog';
import { loadActivePolicy } from '../lib/browser/active-policy';
import { watchBlockedRequests } from '../lib/browser/blocked-requests';
import { browserDnr } from '../lib/browser/dnr-api';
import { startEventLog } from '../lib/browser/event-log';
import { createForwarder } from '../lib/browser/forwarder';
import { expireGrant } from '../lib/browser/grants';
import { forgetTab } from '../lib/browser/interstitial-service';
import { createMessageListener, messageHandlers } from '../lib/browser/message-router';
import { syncPasteGuardScript } from '../lib/browser/paste-guard-background';
import { onPolicyApplied } from '../lib/browser/policy-applied';
import { applyPolicy } from '../lib/browser/policy-loader';
import { recordEvent } from '../lib/browser/record-event';
import { compilePolicy } from '../lib/policy/compile-policy';

export default defineBackground(() => {
  // First, so events recorded by anything started below reach the log. The log is the forwarding outbox;
  // its hooks run only after a write or on an alarm, by when `forwarder` exists.
  const store = startEventLog({
    onStored: () => void forwarder.kick(),
    keepAfterSeq: () => forwarder.retentionFloor(),
  });
  const forwarder = createForwarder({ outbox: () => store, activePolicy: loadActivePolicy, recordEvent });

  const dnr = browserDnr();
  const deps = {
    dnr,
    target: {
      browser: import.meta.env.BROWSER === 'firefox' ? ('firefox' as const) : ('chromium' as const),
      blockPageUrl: browser.runtime.getURL('/blocked.html'),
      warnPageUrl: browser.runtime.getURL('/warn.html'),
    },
  };
  // The paste guard follows the policy in force: its content script is re-registered on every change.
  onPolicyApplied((active) => syncPasteGuardScript(compilePolicy(active.policy, shippedCatalog())));
  // A new policy may change the forwarding endpoint or switch forwarding on.
  onPolicyApplied(() => forwarder.kick());
  const apply = () => void applyPolicy(deps);
  // Listeners are registered synchronously so the event that woke the worker is delivered.
  browser.runtime.onInstalled.addListener(apply);
  browser.runtime.onStartup.addListener(apply);
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'managed' && 'policy' in changes) apply();
  });
  browser.alarms.onAlarm.addListener((alarm) => {
    void expireGrant(dnr, alarm.name);
    void forwarder.onAlarm(alarm);
  });
  browser.tabs.onRemoved.addListener((tabId) => void forgetTab(tabId));
  browser.runtime.onMessage.addListener(createMessageListener(messageHandlers(dnr)));
  // Frames and sub-resources the rules blocked: logged here, since no block page records them.
  watchBlockedRequests({ blockPageUrl: deps.target.blockPageUrl });
  // Resume forwarding from the stored cursor whenever the worker starts.
  void forwarder.kick();
});
