// The declarativeNetRequest calls Gatehouse makes, as an interface: adapters take it as a parameter
// (WXT's fake browser has no DNR), and the background passes the browser's own.
import browser from 'webextension-polyfill';
import { chromeDnrLimits, type DnrLimits, type DnrRule } from '../policy/dnr-rule';

export interface DnrApi {
  getDynamicRules(): Promise<{ id: number }[]>;
  updateDynamicRules(options: { removeRuleIds: number[]; addRules: DnrRule[] }): Promise<void>;
  getSessionRules(): Promise<{ id: number }[]>;
  updateSessionRules(options: { removeRuleIds: number[]; addRules: DnrRule[] }): Promise<void>;
  /** Chromium only; absent means every RE2 regex is assumed supported (Firefox validates on update). */
  isRegexSupported?(options: {
    regex: string;
    isCaseSensitive?: boolean;
  }): Promise<{ isSupported: boolean; reason?: string }>;
  MAX_NUMBER_OF_DYNAMIC_RULES?: number;
  MAX_NUMBER_OF_UNSAFE_DYNAMIC_RULES?: number;
  MAX_NUMBER_OF_REGEX_RULES?: number;
}

export function browserDnr(): DnrApi {
  return browser.declarativeNetRequest as unknown as DnrApi;
}

export function dnrLimits(dnr: DnrApi): DnrLimits {
  return {
    maxRules: dnr.MAX_NUMBER_OF_DYNAMIC_RULES ?? chromeDnrLimits.maxRules,
    maxUnsafeRules:
      dnr.MAX_NUMBER_OF_UNSAFE_DYNAMIC_RULES ??
      dnr.MAX_NUMBER_OF_DYNAMIC_RULES ??
      chromeDnrLimits.maxUnsafeRules,
    maxRegexRules: dnr.MAX_NUMBER_OF_REGEX_RULES ?? chromeDnrLimits.maxRegexRules,
  };
}
