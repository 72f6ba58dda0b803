// The extension's access to every site: its host permission, which users can withdraw (Firefox treats
// Manifest V3 host permissions as optional: about:addons → Permissions; Chromium has "Site access").
import browser from 'webextension-polyfill';

const everySite = { origins: ['<all_urls>'] };

export function hasHostAccess(): Promise<boolean> {
  return browser.permissions.contains(everySite);
}

/** Calls `listener` after each grant or withdrawal of a permission (the caller asks hasHostAccess again). */
export function onHostAccessChange(listener: () => void): void {
  browser.permissions.onAdded.addListener(listener);
  browser.permissions.onRemoved.addListener(listener);
}
