// The background's sink for recordEvent: privacy settings applied, batched into one transaction every few
// milliseconds, and a full disk answered by pruning the oldest events and logging that it happened.
import { createLogEvent, type LogEvent } from '../log/event-schema';
import { applyLoggingPrivacy, type LoggingPrivacy } from '../log/logging-privacy';
import { quotaPruneCount } from '../log/retention';
import { createWriteBatcher, type WriteBatcher } from '../log/write-batcher';
import type { EventStore } from '../browser/event-store';

export type SinkStore = Pick<EventStore, 'add' | 'count' | 'pruneOldest'>;

function isQuotaError(error: unknown): boolean {
  return (
    typeof error === 'object' &&
    error !== null &&
    'name' in error &&
    (error.name === 'QuotaExceededError' || (error.name === 'AbortError' && /quota/i.test(String(error))))
  );
}

/** Writes a batch; on a quota error frees room (oldest first), records a log_pruned event and retries once. */
export async function writeWithQuotaRecovery(
  store: SinkStore,
  events: LogEvent[],
  now = Date.now(),
): Promise<void> {
  try {
    await store.add(events);
  } catch (error) {
    if (!isQuotaError(error)) throw error;
    const removed = await store.pruneOldest(quotaPruneCount(await store.count()));
    const note = createLogEvent(
      { kind: 'log_pruned', removed, reason: 'storage quota exceeded: oldest events removed' },
      crypto.randomUUID(),
      now,
    );
    await store.add([...events, note]);
  }
}

/** Privacy is applied when the event is queued, with the settings in force at that moment. */
export function createEventLogSink(
  store: () => Promise<SinkStore>,
  privacy: () => LoggingPrivacy,
  options: { delayMs?: number } = {},
): WriteBatcher<LogEvent> {
  const batcher = createWriteBatcher<LogEvent>({
    delayMs: options.delayMs ?? 5,
    write: async (events) => writeWithQuotaRecovery(await store(), events),
  });
  return { add: (event) => batcher.add(applyLoggingPrivacy(event, privacy())), flush: () => batcher.flush() };
}
