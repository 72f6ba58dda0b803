// Background service worker: wires browser events to lib/ (see lib/browser/ for the adapters).
import { defineBackground } from 'wxt/utils/define-background';
import { startEventLog } from '../lib/browser/event-log';

export default defineBackground(() => {
  // First, so events recorded by anything started below reach the log.
  startEventLog();
  // Enforcement wiring arrives with the enforcement issue.
});
