// Background service worker: wires browser events to lib/ (see lib/browser/ for the adapters).
import browser, { type Runtime } from 'webextension-polyfill';
import { defineBackground } from 'wxt/utils/define-background';
import { shippedCatalog } from '../lib/catalog/shipped-catalog';
import { handlePasteMessage, syncPasteGuardScript } from '../lib/browser/paste-guard-background';
import { compilePolicy } from '../lib/policy/compile-policy';
import { defaultPolicy } from '../lib/policy/default-policy';

export default defineBackground(() => {
  // Until the policy loader lands (enforcement issue), the built-in default policy is the active one.
  const active = () => compilePolicy(defaultPolicy(), shippedCatalog());
  browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) =>
    handlePasteMessage(message, sender, active),
  );
  void syncPasteGuardScript(active()).catch((error: unknown) =>
    console.error('paste guard registration', error),
  );
});
