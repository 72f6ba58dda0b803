// EventStore: the log in IndexedDB (idb). The background writes; the popup and tests read the same API.
import type { EventKind, LogEvent } from '../log/event-schema';
import { compileFilter, type EventFilter } from '../log/event-filter';
import type { DayCounts } from '../log/day-buckets';
import { keptByCount } from '../log/retention';
import { parseStoredEvent, type StoredLogEvent } from '../log/stored-event';
import { unwrap } from 'idb';
import { openEventDb, type EventDb } from './event-db';

export interface ScanOptions {
  /** Called with each chunk of matching events, newest first. */
  onChunk(events: StoredLogEvent[]): void;
  /** The first chunk is small so the first rows paint at once; later chunks are larger. */
  firstChunk?: number;
  chunk?: number;
  signal?: AbortSignal;
}

export class EventStore {
  private constructor(readonly db: EventDb) {}

  static async open(name?: string): Promise<EventStore> {
    return new EventStore(await openEventDb(name));
  }

  close(): void {
    this.db.close();
  }

  /**
   * Adds events in one transaction and resolves once it completed. An id already stored (or repeated in
   * the batch) is skipped, so a retried write never stores an event twice. Returns how many were new.
   */
  async add(events: LogEvent[]): Promise<number> {
    const seen = new Set<string>();
    const unique = events.filter((e) => !seen.has(e.id) && seen.add(e.id));
    const tx = this.db.transaction('events', 'readwrite');
    const store = unwrap(tx.store);
    let added = 0;
    for (const event of unique) {
      const { seq: _seq, ...row } = event as LogEvent & { seq?: number };
      const request = store.add(row);
      request.onsuccess = () => void added++;
      // The id index is unique: a stored id fails this one request, which must not abort the batch.
      request.onerror = (error) => {
        if (request.error?.name !== 'ConstraintError') return;
        error.preventDefault();
        error.stopPropagation();
      };
    }
    await tx.done;
    return added;
  }

  count(): Promise<number> {
    return this.db.count('events');
  }

  /**
   * Streams events newest first (in the order they were recorded: highest seq first), one getAll per
   * chunk of seq numbers in its own short transaction, so the first rows cost two requests and
   * background writes are never held up for long. Events added during the scan are not included.
   */
  async scan(filter: EventFilter, options: ScanOptions): Promise<number> {
    const matches = compileFilter(filter);
    const bounds = await this.seqBounds();
    if (!bounds) return 0;
    let size = options.firstChunk ?? 50;
    let upper = bounds.last + 1;
    let total = 0;
    while (upper > bounds.first) {
      if (options.signal?.aborted) return total;
      const lower = Math.max(bounds.first, upper - size);
      const rows = await this.db.getAll('events', IDBKeyRange.bound(lower, upper, false, true));
      const chunk: StoredLogEvent[] = [];
      for (let i = rows.length - 1; i >= 0; i--) {
        const event = parseStoredEvent(rows[i]);
        if (event && matches(event)) chunk.push(event);
      }
      total += chunk.length;
      if (chunk.length && !options.signal?.aborted) options.onChunk(chunk);
      upper = lower;
      size = options.chunk ?? 2000;
    }
    return total;
  }

  private async seqBounds(): Promise<{ first: number; last: number } | undefined> {
    const tx = this.db.transaction('events', 'readonly');
    const [first, last] = await Promise.all([
      tx.store.openKeyCursor(null, 'next'),
      tx.store.openKeyCursor(null, 'prev'),
    ]);
    return first && last ? { first: first.key, last: last.key } : undefined;
  }

  /** Events per day by kind; `bounds` as from dayBoundaries(). Counts come from the [kind, time] index. */
  async countsByDay(bounds: number[], kinds: readonly EventKind[]): Promise<DayCounts[]> {
    const tx = this.db.transaction('events', 'readonly');
    const index = tx.store.index('kind_time');
    const days = bounds
      .slice(0, -1)
      .map((start, i) => ({ start, end: bounds[i + 1]!, counts: {} as DayCounts['counts'] }));
    await Promise.all(
      days.flatMap((day) =>
        kinds.map(async (kind) => {
          const n = await index.count(IDBKeyRange.bound([kind, day.start], [kind, day.end], false, true));
          if (n) day.counts[kind] = n;
        }),
      ),
    );
    await tx.done;
    return days.map(({ start, counts }) => ({ start, counts }));
  }

  /** The time of the oldest event (the time index's first key), null for an empty log. */
  async oldestTime(): Promise<number | null> {
    const cursor = await this.db.transaction('events').store.index('time').openKeyCursor(null, 'next');
    return cursor ? cursor.key : null;
  }

  /** Distinct service ids in the log, for the service filter. */
  async services(): Promise<string[]> {
    const services: string[] = [];
    let cursor = await this.db.transaction('events').store.index('service').openKeyCursor(null, 'nextunique');
    while (cursor) {
      services.push(cursor.key);
      cursor = await cursor.continue();
    }
    return services;
  }

  /**
   * Deletes events older than `before`, then the oldest beyond `maxEvents`. Returns how many went.
   * `keepAfterSeq` protects the forwarding outbox: events with a larger seq are not yet forwarded
   * and stay, whatever their age (the forwarder's own cap bounds them).
   */
  async prune(limits: { before?: number; maxEvents?: number; keepAfterSeq?: number }): Promise<number> {
    let removed = 0;
    const floor = limits.keepAfterSeq ?? Infinity;
    if (limits.before !== undefined)
      removed += await this.deleteOldest(IDBKeyRange.upperBound(limits.before, true), Infinity, floor);
    if (limits.maxEvents !== undefined) {
      const excess = (await this.count()) - limits.maxEvents;
      // By count, never the users' own decisions: a flood of other events cannot push them out.
      if (excess > 0) removed += await this.deleteOldest(null, excess, floor, keptByCount);
    }
    return removed;
  }

  // The forwarding outbox is this store read by seq: rows after the forwarder's cursor are unsent.

  /** Events with seq > cursor, ascending, at most `limit`; rows that do not parse are skipped. */
  async readAfter(cursor: number, limit: number): Promise<{ seq: number; event: LogEvent }[]> {
    const rows = await this.db.getAll('events', IDBKeyRange.lowerBound(cursor, true), limit);
    return rows.flatMap((row) => {
      const stored = parseStoredEvent(row);
      if (!stored) return [];
      const { seq, ...event } = stored;
      return [{ seq, event: event as LogEvent }];
    });
  }

  countAfter(cursor: number): Promise<number> {
    return this.db.count('events', IDBKeyRange.lowerBound(cursor, true));
  }

  /** The seq of the n-th event after cursor (1-based), or of the last one if fewer. */
  async seqAfter(cursor: number, n: number): Promise<number> {
    const keys = await this.db.getAllKeys('events', IDBKeyRange.lowerBound(cursor, true), n);
    const last = keys[keys.length - 1];
    if (last === undefined) throw new Error(`no events after seq ${cursor}`);
    return last;
  }

  /**
   * Deletes the `limit` oldest events (by time), the users' own decisions (keptByCount) last: only a log
   * holding nothing else loses them, when the disk is full.
   */
  async pruneOldest(limit: number): Promise<number> {
    const removed = await this.deleteOldest(null, limit, Infinity, keptByCount);
    return removed < limit ? removed + (await this.deleteOldest(null, limit - removed)) : removed;
  }

  private async deleteOldest(
    range: IDBKeyRange | null,
    limit = Infinity,
    keepAfterSeq = Infinity,
    keepKinds: readonly EventKind[] = [],
  ): Promise<number> {
    const tx = this.db.transaction('events', 'readwrite');
    const index = tx.store.index('time');
    let removed = 0;
    if (keepKinds.length === 0) {
      let cursor = await index.openKeyCursor(range, 'next');
      while (cursor && removed < limit) {
        if (cursor.primaryKey <= keepAfterSeq) {
          void tx.store.delete(cursor.primaryKey);
          removed++;
        }
        cursor = await cursor.continue();
      }
    } else {
      // The kind is in the row, so this walk reads values.
      let cursor = await index.openCursor(range, 'next');
      while (cursor && removed < limit) {
        const kind = (cursor.value as { kind?: unknown }).kind;
        if (cursor.primaryKey <= keepAfterSeq && !keepKinds.includes(kind as EventKind)) {
          void tx.store.delete(cursor.primaryKey);
          removed++;
        }
        cursor = await cursor.continue();
      }
    }
    await tx.done;
    return removed;
  }
}
