// Continue grants: session allow rules for one tab and one service, removed by an alarm when they expire.
import browser from 'webextension-polyfill';
import { grantAlarmName, parseGrantAlarmName } from '../interstitial/pending-warn';
import type { DnrRule } from '../policy/dnr-rule';
import type { DnrApi } from '../browser/dnr-api';
import type { AlarmRoute } from './alarms';

/** Installs the grant rules (renumbered after the existing session rules) and schedules their removal. */
export async function grantAccess(
  dnr: DnrApi,
  tabId: number,
  rules: DnrRule[],
  minutes: number,
): Promise<number[]> {
  const existing = await dnr.getSessionRules();
  let next = Math.max(0, ...existing.map((r) => r.id)) + 1;
  const numbered = rules.map((rule) => ({ ...rule, id: next++ }));
  await dnr.updateSessionRules({ removeRuleIds: [], addRules: numbered });
  const ids = numbered.map((r) => r.id);
  // An alarm, not a timer: the service worker may be stopped long before the grant ends.
  await browser.alarms.create(grantAlarmName(tabId, ids), { when: Date.now() + minutes * 60_000 });
  return ids;
}

/** The alarms that end grants: each removes its grant's session rules. */
export function grantExpiry(dnr: DnrApi): AlarmRoute {
  return {
    matches: (name) => parseGrantAlarmName(name) !== null,
    run: async (alarm) => {
      const grant = parseGrantAlarmName(alarm.name);
      if (grant) await dnr.updateSessionRules({ removeRuleIds: grant.ruleIds, addRules: [] });
    },
  };
}

/** A new policy renumbers its priorities, so older grants no longer line up: drop them all. */
export async function clearGrants(dnr: DnrApi): Promise<void> {
  const existing = await dnr.getSessionRules();
  if (existing.length)
    await dnr.updateSessionRules({ removeRuleIds: existing.map((r) => r.id), addRules: [] });
  for (const alarm of await browser.alarms.getAll()) {
    if (parseGrantAlarmName(alarm.name)) await browser.alarms.clear(alarm.name);
  }
}
