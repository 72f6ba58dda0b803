// Managed storage is read again on a timer, not only when the browser reports a change: Firefox never
// reports one (it reads policies.json and the managed-storage manifest at startup only, so a change
// arrives with the next browser start, which applies it at once), and a change event missed while the
// worker was starting must not leave an old policy in force until the next one.
import browser from 'webextension-polyfill';
import { alarmNamed, type AlarmRoute } from './alarms';

export const policyRefreshAlarm = 'gatehouse-policy-refresh';
export const policyRefreshMinutes = 10;

/** Schedules the re-read and returns its alarm route; `refresh` must apply only what changed. */
export function schedulePolicyRefresh(refresh: () => Promise<unknown>): AlarmRoute {
  void browser.alarms.create(policyRefreshAlarm, {
    delayInMinutes: policyRefreshMinutes,
    periodInMinutes: policyRefreshMinutes,
  });
  return alarmNamed(policyRefreshAlarm, refresh);
}
