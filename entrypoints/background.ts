// Background service worker: wires browser events to lib/ (see lib/browser/ for the adapters).
import browser from 'webextension-polyfill';
import { defineBackground } from 'wxt/utils/define-background';
import { loadActivePolicy } from '../lib/browser/active-policy';
import { startEventLog } from '../lib/browser/event-log';
import { createForwarder } from '../lib/browser/forwarder';
import { recordEvent } from '../lib/browser/record-event';

export default defineBackground(() => {
  // First, so events recorded by anything started below reach the log. The log is the forwarding outbox;
  // its hooks run only after a write or on an alarm, by when `forwarder` exists.
  const store = startEventLog({
    onStored: () => void forwarder.kick(),
    keepAfterSeq: () => forwarder.retentionFloor(),
  });
  const forwarder = createForwarder({ outbox: () => store, activePolicy: loadActivePolicy, recordEvent });
  // Listeners are registered synchronously so an alarm that woke the worker is delivered.
  browser.alarms.onAlarm.addListener((alarm) => forwarder.onAlarm(alarm));
  browser.storage.onChanged.addListener((_changes, area) => {
    if (area === 'managed') void forwarder.kick();
  });
  // Resume from the stored cursor whenever the worker starts.
  void forwarder.kick();
  // Enforcement wiring arrives with the enforcement issue.
});
