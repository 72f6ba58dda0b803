// Background service worker: wires browser events to lib/ (see lib/browser/ for the adapters).
import browser from 'webextension-polyfill';
import { defineBackground } from 'wxt/utils/define-background';
import { browserDnr } from '../lib/browser/dnr-api';
import { expireGrant } from '../lib/browser/grants';
import { forgetTab } from '../lib/browser/interstitial-service';
import { createMessageListener, messageHandlers } from '../lib/browser/message-router';
import { applyPolicy } from '../lib/browser/policy-loader';
import { startEventLog } from '../lib/browser/event-log';

export default defineBackground(() => {
  // First, so events recorded by anything started below reach the log.
  startEventLog();
  const dnr = browserDnr();
  const deps = {
    dnr,
    target: {
      browser: import.meta.env.BROWSER === 'firefox' ? ('firefox' as const) : ('chromium' as const),
      blockPageUrl: browser.runtime.getURL('/blocked.html'),
      warnPageUrl: browser.runtime.getURL('/warn.html'),
    },
  };
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
