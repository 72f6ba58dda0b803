// Background service worker: wires browser events to lib/ (see lib/browser/ for the adapters).
import browser from 'webextension-polyfill';
import { defineBackground } from 'wxt/utils/define-background';
import { loadActivePolicy } from '../lib/browser/active-policy';
import { createForwarder } from '../lib/browser/forwarder';
import { IdbOutbox } from '../lib/browser/outbox-store';
import { recordEvent, setEventSink } from '../lib/browser/record-event';

export default defineBackground(() => {
  const outbox = new IdbOutbox();
  const forwarder = createForwarder({ outbox, activePolicy: loadActivePolicy, recordEvent });
  // Listeners are registered synchronously so an alarm that woke the worker is delivered.
  browser.alarms.onAlarm.addListener((alarm) => forwarder.onAlarm(alarm));
  browser.storage.onChanged.addListener((_changes, area) => {
    if (area === 'managed') void forwarder.kick();
  });
  void setEventSink((event) => forwarder.enqueue(event));
  // Resume from the stored cursor whenever the worker starts.
  void forwarder.kick();
});
