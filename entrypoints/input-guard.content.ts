// Input guard content script: registered at runtime by the background for the hosts of guarded services.
import browser from 'webextension-polyfill';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { installInputGuard } from '../lib/content/input-guard';

const installed = Symbol.for('gatehouse.inputGuard');

export default defineContentScript({
  registration: 'runtime',
  runAt: 'document_start',
  allFrames: true,
  world: 'ISOLATED',
  noScriptStartedPostMessage: true,
  main() {
    // Registration and the injection into tabs already open can both reach a page: install once.
    const scope = globalThis as { [installed]?: boolean };
    if (scope[installed]) return;
    scope[installed] = true;
    installInputGuard({
      send: (message) => browser.runtime.sendMessage(message),
      t: (key, substitutions) => browser.i18n.getMessage(key, substitutions),
      isAlive: () => Boolean(browser.runtime?.id),
    });
  },
});
