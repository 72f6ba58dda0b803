// Localised strings from _locales (browser.i18n) and country names for the interstitials.
import browser from 'webextension-polyfill';

export function translate(key: string, substitutions?: string[]): string {
  return browser.i18n.getMessage(key, substitutions) || key;
}

export function uiLanguage(): string {
  return browser.i18n.getUILanguage();
}

/** "CN" → "China" in the UI language; "unknown" → the localised word. */
export function regionName(code: string): string {
  if (code === 'unknown') return translate('jurisdictionUnknown');
  try {
    return new Intl.DisplayNames([uiLanguage()], { type: 'region' }).of(code) ?? code;
  } catch {
    return code;
  }
}
