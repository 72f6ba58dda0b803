// Starts the event log in the background: the IndexedDB sink behind recordEvent, retention on an alarm,
// the policy's logging settings kept current, and the recordEvent message from extension pages.
import browser, { type Runtime } from 'webextension-polyfill';
import { isLogMessageType, logMessageSchema, logSenderAllowed } from '../log/log-messages';
import { activePolicyStorageKey, policyStatusFrom, type PolicyStatus } from '../log/policy-status';
import { retentionCutoff, type RetentionSettings } from '../log/retention';
import { readActivePolicyStatus } from './active-policy-status';
import { createEventLogSink } from './event-log-sink';
import { EventStore } from './event-store';
import { recordCreatedEvent, recordEvent, setEventSink } from './record-event';

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

export function startEventLog(hooks: EventLogHooks = {}): Promise<EventStore> {
  let logging: PolicyStatus['logging'] = policyStatusFrom(undefined).logging;
  const storePromise = EventStore.open();
  const settings = readActivePolicyStatus().then((status) => (logging = status.logging));

  const sink = createEventLogSink(
    () => storePromise,
    () => logging,
  );
  void setEventSink(async (event) => {
    await sink.add(event);
    hooks.onStored?.();
  });

  browser.storage.onChanged.addListener((changes, area) => {
    const change = changes[activePolicyStorageKey];
    if (area === 'local' && change) logging = policyStatusFrom(change.newValue).logging;
  });

  void browser.alarms.create(retentionAlarm, { delayInMinutes: 1, periodInMinutes: 60 });
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === retentionAlarm)
      void settings.then(async () =>
        pruneLog(await storePromise, logging, Date.now(), await hooks.keepAfterSeq?.()),
      );
  });

  const extension = { id: browser.runtime.id, origin: new URL(browser.runtime.getURL('/')).origin };
  browser.runtime.onMessage.addListener((raw: unknown, sender: Runtime.MessageSender) => {
    // Not a log message: leave it to the other listeners (returning undefined does not answer).
    if (!isLogMessageType(raw)) return undefined;
    const parsed = logMessageSchema.safeParse(raw);
    if (!parsed.success)
      return Promise.resolve({ ok: false, error: `malformed log message: ${parsed.error.message}` });
    if (!logSenderAllowed(sender, extension))
      return Promise.resolve({ ok: false, error: 'sender not allowed' });
    return recordCreatedEvent(parsed.data.event).then(
      () => ({ ok: true }),
      (error: unknown) => ({ ok: false, error: error instanceof Error ? error.message : String(error) }),
    );
  });
  return storePromise;
}
