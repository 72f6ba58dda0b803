// An in-memory declarativeNetRequest for adapter tests (WXT's fake browser has none).
import type { DnrApi } from '../../lib/browser/dnr-api';
import { defaultPolicyRuleset, type DnrRule } from '../../lib/policy/dnr-rule';

export interface FakeDnr extends DnrApi {
  dynamic: DnrRule[];
  session: DnrRule[];
  /** The static rulesets switched on (the manifest enables the built-in default's). */
  enabledRulesets: string[];
  /** What the browser enforced after each change: the static rulesets on and the dynamic rules. */
  history: { enabledRulesets: string[]; dynamic: DnrRule[] }[];
  failNextUpdate: boolean;
  failNextRulesetUpdate: boolean;
}

export function fakeDnr(): FakeDnr {
  const dnr: FakeDnr = {
    dynamic: [],
    session: [],
    enabledRulesets: [defaultPolicyRuleset.id],
    history: [],
    failNextUpdate: false,
    failNextRulesetUpdate: false,
    getDynamicRules: async () => dnr.dynamic,
    updateDynamicRules: async ({ removeRuleIds, addRules }) => {
      if (dnr.failNextUpdate) {
        dnr.failNextUpdate = false;
        throw new Error('Rule with id 1 uses an unsupported condition');
      }
      dnr.dynamic = [...dnr.dynamic.filter((r) => !removeRuleIds.includes(r.id)), ...addRules];
      dnr.history.push({ enabledRulesets: dnr.enabledRulesets, dynamic: dnr.dynamic });
    },
    getEnabledRulesets: async () => dnr.enabledRulesets,
    updateEnabledRulesets: async ({ enableRulesetIds = [], disableRulesetIds = [] }) => {
      if (dnr.failNextRulesetUpdate) {
        dnr.failNextRulesetUpdate = false;
        throw new Error('Internal error while updating the rulesets');
      }
      const ids = new Set([...dnr.enabledRulesets, ...enableRulesetIds]);
      for (const id of disableRulesetIds) ids.delete(id);
      dnr.enabledRulesets = [...ids];
      dnr.history.push({ enabledRulesets: dnr.enabledRulesets, dynamic: dnr.dynamic });
    },
    getSessionRules: async () => dnr.session,
    updateSessionRules: async ({ removeRuleIds, addRules }) => {
      dnr.session = [...dnr.session.filter((r) => !removeRuleIds.includes(r.id)), ...addRules];
    },
    isRegexSupported: async ({ regex }) =>
      regex.includes('unsupported') ? { isSupported: false, reason: 'syntaxError' } : { isSupported: true },
  };
  return dnr;
}
