import { openDB } from 'idb';
import { afterEach, describe, expect, it } from 'vitest';
import { eventDbVersion } from '../../lib/browser/event-db';
import { EventStore } from '../../lib/browser/event-store';
import { emptyFilter, type EventFilter } from '../../lib/log/event-filter';
import { createLogEvent, type LogEvent, type NewLogEvent } from '../../lib/log/event-schema';
import type { StoredLogEvent } from '../../lib/log/stored-event';

let dbCount = 0;
const opened: EventStore[] = [];
async function freshStore(): Promise<EventStore> {
  const store = await EventStore.open(`test-log-${++dbCount}`);
  opened.push(store);
  return store;
}
afterEach(() => opened.splice(0).forEach((s) => s.close()));

let idCount = 0;
function event(time: number, input: NewLogEvent = { kind: 'blocked' }): LogEvent {
  return createLogEvent(input, `event-id-${String(++idCount).padStart(6, '0')}`, time);
}

async function scanAll(store: EventStore, filter: EventFilter = emptyFilter, chunk = 3) {
  const chunks: StoredLogEvent[][] = [];
  await store.scan(filter, { onChunk: (c) => chunks.push(c), firstChunk: 2, chunk });
  return { chunks, events: chunks.flat() };
}

describe('EventStore', () => {
  it('creates the current schema version with its indexes', async () => {
    const store = await freshStore();
    expect(store.db.version).toBe(eventDbVersion);
    const indexes = Array.from(store.db.transaction('events').store.indexNames).sort();
    expect(indexes).toEqual(['id', 'kind', 'kind_time', 'service', 'time']);
  });

  it('gives each new event a rising seq and stores an id only once, within and across batches', async () => {
    const store = await freshStore();
    const [a, b] = [event(1), event(2)];
    expect(await store.add([a, b, a])).toBe(2);
    expect(await store.add([b, event(3)])).toBe(1);
    const rows = await store.db.getAll('events');
    expect(rows.map((r) => r.seq)).toEqual([1, 2, 3]);
    expect(await store.count()).toBe(3);
  });

  it('streams in recorded order, newest (highest seq) first, across chunks', async () => {
    const store = await freshStore();
    await store.add([event(10), event(20), event(20), event(20), event(20), event(30), event(5)]);
    const { chunks, events: scanned } = await scanAll(store);
    expect(chunks.map((c) => c.length)).toEqual([2, 3, 2]);
    expect(scanned.map((e) => e.seq)).toEqual([7, 6, 5, 4, 3, 2, 1]);
    expect(scanned.map((e) => e.time)).toEqual([5, 30, 20, 20, 20, 20, 10]);
  });

  it('skips the gaps pruning leaves and an empty log', async () => {
    const store = await freshStore();
    expect((await scanAll(store)).events).toEqual([]);
    await store.add([1, 2, 3, 4, 5, 6].map((t) => event(t)));
    await store.prune({ before: 3 });
    expect((await scanAll(store)).events.map((e) => e.time)).toEqual([6, 5, 4, 3]);
  });

  it('filters while streaming: kind, service, time range and text', async () => {
    const store = await freshStore();
    await store.add([
      event(100, { kind: 'blocked', service: 'deepseek', host: 'chat.deepseek.com' }),
      event(200, { kind: 'continued', service: 'example-ai', justification: 'ticket 42' }),
      event(300, { kind: 'redacted', service: 'chatgpt', counts: { EMAIL: 1 } }),
      event(400, { kind: 'blocked', service: 'kimi' }),
    ]);
    const kinds = async (filter: Partial<EventFilter>) =>
      (await scanAll(store, { ...emptyFilter, ...filter })).events.map((e) => `${e.kind}@${e.time}`);
    expect(await kinds({ kinds: ['blocked'] })).toEqual(['blocked@400', 'blocked@100']);
    expect(await kinds({ service: 'chatgpt' })).toEqual(['redacted@300']);
    expect(await kinds({ from: 200, to: 400 })).toEqual(['redacted@300', 'continued@200']);
    expect(await kinds({ text: 'ticket' })).toEqual(['continued@200']);
  });

  it('skips a stored row that does not parse instead of failing the scan', async () => {
    const store = await freshStore();
    await store.add([event(1)]);
    await store.db.add('events', { id: 'broken-row-01', time: 2, kind: 'nonsense' } as unknown as LogEvent);
    const { events } = await scanAll(store);
    expect(events.map((e) => e.time)).toEqual([1]);
  });

  it('stops when aborted', async () => {
    const store = await freshStore();
    await store.add(Array.from({ length: 20 }, (_, i) => event(i)));
    const controller = new AbortController();
    const seen: number[] = [];
    await store.scan(emptyFilter, {
      firstChunk: 2,
      chunk: 2,
      signal: controller.signal,
      onChunk: (c) => {
        seen.push(...c.map((e) => e.time));
        controller.abort();
      },
    });
    expect(seen).toEqual([19, 18]);
  });

  it('counts events per day by kind from the index', async () => {
    const store = await freshStore();
    await store.add([
      event(1000, { kind: 'blocked' }),
      event(1500, { kind: 'blocked' }),
      event(1999, { kind: 'warned' }),
      event(2000, { kind: 'blocked' }),
      event(3500, { kind: 'redacted', counts: { IBAN: 1 } }),
    ]);
    expect(await store.countsByDay([1000, 2000, 3000, 4000], ['blocked', 'warned', 'redacted'])).toEqual([
      { start: 1000, counts: { blocked: 2, warned: 1 } },
      { start: 2000, counts: { blocked: 1 } },
      { start: 3000, counts: { redacted: 1 } },
    ]);
  });

  it('lists the distinct services', async () => {
    const store = await freshStore();
    await store.add([
      event(1, { kind: 'blocked', service: 'kimi' }),
      event(2, { kind: 'blocked', service: 'deepseek' }),
      event(3, { kind: 'blocked', service: 'kimi' }),
      event(4, { kind: 'policy_error', error: 'x' }),
    ]);
    expect(await store.services()).toEqual(['deepseek', 'kimi']);
  });

  it('prunes by age, then the oldest beyond the maximum count', async () => {
    const store = await freshStore();
    await store.add([50, 10, 40, 20, 30, 60].map((t) => event(t)));
    expect(await store.prune({ before: 20 })).toBe(1);
    expect(await store.prune({ maxEvents: 3 })).toBe(2);
    expect((await scanAll(store)).events.map((e) => e.time)).toEqual([60, 40, 50]);
    expect(await store.pruneOldest(1)).toBe(1);
    expect((await scanAll(store)).events.map((e) => e.time)).toEqual([60, 50]);
  });

  it("never removes the users' own decisions by count, however many other events follow them", async () => {
    const store = await freshStore();
    await store.add([
      event(1, { kind: 'continued', justification: 'procurement' }),
      event(2, { kind: 'paste_override', counts: { EMAIL: 1 }, justification: 'customer asked' }),
      ...Array.from({ length: 50 }, (_, i) => event(10 + i, { kind: 'blocked', service: 'deepseek' })),
    ]);
    expect(await store.prune({ maxEvents: 10 })).toBe(42);
    const kept = (await scanAll(store)).events;
    expect(kept.filter((e) => e.kind === 'continued' || e.kind === 'paste_override')).toHaveLength(2);
    expect(kept).toHaveLength(10);
    // Age still applies to them, and a full disk takes them only once nothing else is left.
    expect(await store.pruneOldest(8)).toBe(8);
    expect((await scanAll(store)).events.map((e) => e.kind)).toEqual(['paste_override', 'continued']);
    expect(await store.prune({ before: 2 })).toBe(1);
  });

  it('opens a database another context created at the current version without touching its rows', async () => {
    const name = `test-log-${++dbCount}`;
    const first = await EventStore.open(name);
    await first.add([event(7)]);
    first.close();
    const raw = await openDB(name);
    expect(raw.version).toBe(eventDbVersion);
    raw.close();
    const again = await EventStore.open(name);
    opened.push(again);
    expect(await again.count()).toBe(1);
  });
});
