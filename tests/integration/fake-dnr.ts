// An in-memory declarativeNetRequest for adapter tests (WXT's fake browser has none).
import type { DnrApi } from '../../lib/browser/dnr-api';
import type { DnrRule } from '../../lib/policy/dnr-rule';

export interface FakeDnr extends DnrApi {
  dynamic: DnrRule[];
  session: DnrRule[];
  failNextUpdate: boolean;
}

export function fakeDnr(): FakeDnr {
  const dnr: FakeDnr = {
    dynamic: [],
    session: [],
    failNextUpdate: false,
    getDynamicRules: async () => dnr.dynamic,
    updateDynamicRules: async ({ removeRuleIds, addRules }) => {
      if (dnr.failNextUpdate) {
        dnr.failNextUpdate = false;
        throw new Error('Rule with id 1 uses an unsupported condition');
      }
      dnr.dynamic = [...dnr.dynamic.filter((r) => !removeRuleIds.includes(r.id)), ...addRules];
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
