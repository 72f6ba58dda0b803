import { afterEach, describe, expect, it } from 'vitest';
import { pruneLog } from '../../lib/background/event-log';
import { createEventLogSink } from '../../lib/background/event-log-sink';
import { EventStore } from '../../lib/browser/event-store';
import { setEventSink } from '../../lib/background/record-event';
import { emptyFilter } from '../../lib/log/event-filter';
import { createLogEvent } from '../../lib/log/event-schema';
import { dayMs } from '../../lib/log/retention';
import type { StoredLogEvent } from '../../lib/log/stored-event';

let store: EventStore | undefined;
afterEach(async () => {
  await setEventSink(undefined);
  store?.close();
});

describe('pruneLog', () => {
  it('deletes events past retentionDays and beyond maxEvents, and records how many went', async () => {
    store = await EventStore.open('test-retention-1');
    const open = store;
    const sink = createEventLogSink(
      async () => open,
      () => ({ fullUrls: false }),
      { delayMs: 1 },
    );
    await setEventSink((event) => sink.add(event));
    const now = 1000 * dayMs;
    const ages = [100, 91, 90.5, 10, 5, 1, 0.5];
    await store.add(
      ages.map((age, i) => createLogEvent({ kind: 'blocked' }, `retention-${i}-event`, now - age * dayMs)),
    );

    const removed = await pruneLog(store, { retentionDays: 90, maxEvents: 1000 }, now);
    expect(removed).toBe(3);
    const events: StoredLogEvent[] = [];
    await store.scan(emptyFilter, { onChunk: (c) => events.push(...c) });
    expect(events[0]).toMatchObject({ kind: 'log_pruned', removed: 3, reason: 'retention policy' });
    expect(events.filter((e) => e.kind === 'blocked')).toHaveLength(4);

    expect(await pruneLog(store, { retentionDays: 90, maxEvents: 1000 }, now)).toBe(0);
    expect(await store.count()).toBe(5);
  });
});
