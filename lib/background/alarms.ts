// The one alarms.onAlarm listener of the worker: each alarm name belongs to one owner (grants, retention,
// forwarding, …), which hands in a route here; the background registers the listener once.
import type { Alarms } from 'webextension-polyfill';

export interface AlarmRoute {
  /** The alarm names this route owns (grant alarms carry their rule ids, so a test, not a name). */
  matches: (name: string) => boolean;
  run: (alarm: Alarms.Alarm) => Promise<unknown>;
}

/** An alarm route for one fixed name. */
export function alarmNamed(name: string, run: AlarmRoute['run']): AlarmRoute {
  return { matches: (candidate) => candidate === name, run };
}

/**
 * Dispatches each alarm to the first route that owns it. A failing route is reported through `onError`
 * (never swallowed) and does not affect the others.
 */
export function createAlarmListener(
  routes: readonly AlarmRoute[],
  onError: (alarmName: string, error: unknown) => void,
): (alarm: Alarms.Alarm) => Promise<void> | undefined {
  return (alarm) => {
    const route = routes.find((candidate) => candidate.matches(alarm.name));
    if (!route) return undefined;
    return route.run(alarm).then(
      () => undefined,
      (error: unknown) => onError(alarm.name, error),
    );
  };
}
