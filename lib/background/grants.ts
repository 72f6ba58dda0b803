// Continue grants: session allow rules for one tab and one service, removed by an alarm when they expire,
// and a record per tab (storage.session) that the navigation backstop reads.
import browser from 'webextension-polyfill';
import { grantAlarmName, parseGrantAlarmName } from '../interstitial/pending-warn';
import { holdsGrant, withoutGrant, type TabGrants } from '../interstitial/tab-grants';
import type { DnrRule } from '../policy/dnr-rule';
import type { DnrApi } from '../browser/dnr-api';
import { tabGrantsItem } from '../browser/storage-items';
import type { AlarmRoute } from './alarms';

let records: Promise<unknown> = Promise.resolve();

/** Read-modify-write of the grant records, one at a time (events and messages arrive concurrently). */
function updateRecords(change: (grants: TabGrants) => TabGrants): Promise<void> {
  const run = records.then(async () => tabGrantsItem.write(change(await tabGrantsItem.load())));
  records = run.catch(() => undefined);
  return run;
}

/**
 * Installs the grant rules (numbered after the existing session rules), records the grant and schedules
 * its end. An alarm left from before a browser restart that names these ids is cleared first: session
 * rules start again from 1 after a restart, and that alarm would end this grant early.
 */
export async function grantAccess(
  dnr: DnrApi,
  tabId: number,
  warned: { service: string | null; rule: string | null },
  rules: DnrRule[],
  minutes: number,
  now = Date.now(),
): Promise<number[]> {
  let highest = 0;
  for (const rule of await dnr.getSessionRules()) highest = Math.max(highest, rule.id);
  const numbered = rules.map((rule, i) => ({ ...rule, id: highest + 1 + i }));
  const ids = numbered.map((r) => r.id);
  for (const alarm of await browser.alarms.getAll()) {
    const stale = parseGrantAlarmName(alarm.name);
    if (stale?.ruleIds.some((id) => ids.includes(id))) await browser.alarms.clear(alarm.name);
  }
  await dnr.updateSessionRules({ removeRuleIds: [], addRules: numbered });
  const until = now + minutes * 60_000;
  await updateRecords((grants) => ({
    ...grants,
    [tabId]: [...(grants[tabId] ?? []), { ...warned, until, ruleIds: ids }],
  }));
  // An alarm, not a timer: the service worker may be stopped long before the grant ends.
  await browser.alarms.create(grantAlarmName(tabId, ids), { when: until });
  return ids;
}

/** Whether the tab may use this warned service now (it clicked Continue and the time is not up). */
export async function tabHoldsGrant(
  tabId: number,
  warned: { service: string | null; rule: string | null },
  now = Date.now(),
): Promise<boolean> {
  await records;
  return holdsGrant(await tabGrantsItem.load(), tabId, warned, now);
}

/** The alarms that end grants: each removes its grant's session rules and record. */
export function grantExpiry(dnr: DnrApi): AlarmRoute {
  return {
    matches: (name) => parseGrantAlarmName(name) !== null,
    run: async (alarm) => {
      const grant = parseGrantAlarmName(alarm.name);
      if (!grant) return;
      await dnr.updateSessionRules({ removeRuleIds: grant.ruleIds, addRules: [] });
      await updateRecords((grants) => withoutGrant(grants, grant.tabId, grant.ruleIds));
    },
  };
}

/**
 * Ends every grant: a new policy renumbers its priorities, so older grants no longer line up; and at
 * browser start the session rules are gone while their alarms are not.
 */
export async function clearGrants(dnr: DnrApi): Promise<void> {
  const existing = await dnr.getSessionRules();
  if (existing.length)
    await dnr.updateSessionRules({ removeRuleIds: existing.map((r) => r.id), addRules: [] });
  for (const alarm of await browser.alarms.getAll()) {
    if (parseGrantAlarmName(alarm.name)) await browser.alarms.clear(alarm.name);
  }
  await updateRecords(() => ({}));
}
