// The declarativeNetRequest calls Gatehouse makes, as an interface: adapters take it as a parameter
// (WXT's fake browser has no DNR), and the background passes the browser's own.
import browser from 'webextension-polyfill';
import { spellHostsFor } from '../policy/dnr-host-spelling';
import type { TargetBrowser } from '../policy/dnr-resource-types';
import { chromeDnrLimits, defaultPolicyRuleset, type DnrLimits, type DnrRule } from '../policy/dnr-rule';

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
  /**
   * The static rulesets (manifest `rule_resources`): present only where the build declares the built-in
   * default's ruleset (Chromium), so Firefox, which has none, never names an unknown ruleset.
   */
  getEnabledRulesets?(): Promise<string[]>;
  updateEnabledRulesets?(options: {
    enableRulesetIds?: string[];
    disableRulesetIds?: string[];
  }): Promise<void>;
  MAX_NUMBER_OF_DYNAMIC_RULES?: number;
  MAX_NUMBER_OF_UNSAFE_DYNAMIC_RULES?: number;
  MAX_NUMBER_OF_REGEX_RULES?: number;
}

/** The browser's own DNR API; the rules it is given are spelled the way that browser matches hosts. */
export function browserDnr(target: TargetBrowser): DnrApi {
  const dnr = browser.declarativeNetRequest as unknown as DnrApi;
  return {
    MAX_NUMBER_OF_DYNAMIC_RULES: dnr.MAX_NUMBER_OF_DYNAMIC_RULES,
    MAX_NUMBER_OF_UNSAFE_DYNAMIC_RULES: dnr.MAX_NUMBER_OF_UNSAFE_DYNAMIC_RULES,
    MAX_NUMBER_OF_REGEX_RULES: dnr.MAX_NUMBER_OF_REGEX_RULES,
    getDynamicRules: () => dnr.getDynamicRules(),
    getSessionRules: () => dnr.getSessionRules(),
    updateDynamicRules: ({ removeRuleIds, addRules }) =>
      dnr.updateDynamicRules({ removeRuleIds, addRules: spellHostsFor(target, addRules) }),
    updateSessionRules: ({ removeRuleIds, addRules }) =>
      dnr.updateSessionRules({ removeRuleIds, addRules: spellHostsFor(target, addRules) }),
    ...(dnr.isRegexSupported ? { isRegexSupported: (options) => dnr.isRegexSupported!(options) } : {}),
    ...(declaresDefaultRuleset() && dnr.updateEnabledRulesets && dnr.getEnabledRulesets
      ? {
          getEnabledRulesets: () => dnr.getEnabledRulesets!(),
          updateEnabledRulesets: (options) => dnr.updateEnabledRulesets!(options),
        }
      : {}),
  };
}

function declaresDefaultRuleset(): boolean {
  const manifest = browser.runtime.getManifest() as {
    declarative_net_request?: { rule_resources?: { id: string }[] };
  };
  return (manifest.declarative_net_request?.rule_resources ?? []).some(
    (r) => r.id === defaultPolicyRuleset.id,
  );
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
