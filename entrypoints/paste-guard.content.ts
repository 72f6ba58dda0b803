// Paste guard content script: registered at runtime by the background for the hosts of guarded services.
import browser from 'webextension-polyfill';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { installPasteGuard } from '../lib/browser/paste/install-paste-guard';
import type { PasteRequest } from '../lib/paste/paste-messages';

const installed = Symbol.for('gatehouse.pasteGuard');

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
    installPasteGuard({
      send: (request: PasteRequest) => browser.runtime.sendMessage(request),
      t: (key) => browser.i18n.getMessage(key),
      isAlive: () => Boolean(browser.runtime?.id),
    });
  },
});
