// Background service worker: wires browser events to lib/ (see lib/browser/ for the adapters).
import { defineBackground } from 'wxt/utils/define-background';

export default defineBackground(() => {
  // Enforcement wiring arrives with the enforcement issue.
});
