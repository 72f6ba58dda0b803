// Background service worker: wires browser events to lib/ (see lib/browser/ for the adapters).
import browser from 'webextension-polyfill';
import { defineBackground } from 'wxt/utils/define-background';
import { shippedCatalog } from '../lib/catalog/shipped-catalog';
import { browserDnr } from '../lib/browser/dnr-api';
import { expireGrant } from '../lib/browser/grants';
import { forgetTab } from '../lib/browser/interstitial-service';
import { createMessageListener, messageHandlers } from '../lib/browser/message-router';
import { syncPasteGuardScript } from '../lib/browser/paste-guard-background';
import { onPolicyApplied } from '../lib/browser/policy-applied';
import { applyPolicy } from '../lib/browser/policy-loader';
import { compilePolicy } from '../lib/policy/compile-policy';

export default defineBackground(() => {
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
  const apply = () => void applyPolicy(deps);
  browser.runtime.onInstalled.addListener(apply);
  browser.runtime.onStartup.addListener(apply);
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'managed' && 'policy' in changes) apply();
  });
  browser.alarms.onAlarm.addListener((alarm) => void expireGrant(dnr, alarm.name));
  browser.tabs.onRemoved.addListener((tabId) => void forgetTab(tabId));
  browser.runtime.onMessage.addListener(createMessageListener(messageHandlers(dnr)));
});
