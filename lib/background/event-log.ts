// Starts the event log in the background: the IndexedDB sink behind recordEvent, retention on an alarm,
// and the policy's logging settings kept current.
import browser from 'webextension-polyfill';
import { EventStore } from '../browser/event-store';
import { activePolicyItem } from '../browser/storage-items';
import { retentionCutoff, type RetentionSettings } from '../log/retention';
import { defaultActivePolicy } from '../policy/active-policy';
import type { Policy } from '../policy/policy-schema';
import { alarmNamed, type AlarmRoute } from './alarms';
import { createEventLogSink } from './event-log-sink';
import { recordEvent, setEventSink } from './record-event';

export const retentionAlarm = 'gatehouse-log-retention';

/** Deletes what the policy's retention no longer allows and records how many went. */
export async function pruneLog(
  store: EventStore,
  logging: RetentionSettings,
  now = Date.now(),
  keepAfterSeq?: number,
): Promise<number> {
  const removed = await store.prune({
    before: retentionCutoff(now, logging.retentionDays),
    maxEvents: logging.maxEvents,
    ...(keepAfterSeq !== undefined ? { keepAfterSeq } : {}),
  });
  if (removed) await recordEvent({ kind: 'log_pruned', removed, reason: 'retention policy' });
  return removed;
}

export interface EventLogHooks {
  /** Called after each write reached IndexedDB (the forwarder's kick). */
  onStored?: () => void;
  /** Retention keeps events after this seq (the forwarder's cursor while forwarding is on). */
  keepAfterSeq?: () => Promise<number | undefined>;
}

export interface EventLog {
  store: Promise<EventStore>;
  /** The hourly retention run, for the worker's alarm dispatcher. */
  retention: AlarmRoute;
}

export function startEventLog(hooks: EventLogHooks = {}): EventLog {
  let logging: Policy['logging'] = defaultActivePolicy().policy.logging;
  const store = EventStore.open();
  const settings = activePolicyItem.load().then((active) => (logging = active.policy.logging));

  const sink = createEventLogSink(
    () => store,
    () => logging,
  );
  void setEventSink(async (event) => {
    await sink.add(event);
    hooks.onStored?.();
  });

  activePolicyItem.watch((active) => {
    logging = (active ?? defaultActivePolicy()).policy.logging;
  });

  void browser.alarms.create(retentionAlarm, { delayInMinutes: 1, periodInMinutes: 60 });
  const retention = alarmNamed(retentionAlarm, async () => {
    await settings;
    await pruneLog(await store, logging, Date.now(), await hooks.keepAfterSeq?.());
  });
  return { store, retention };
}
