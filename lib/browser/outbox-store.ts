// The forwarding outbox in IndexedDB: every recorded event gets the next sequence number and stays
// until the receiver acknowledges it (or the cap skips it). Independent of the log's own retention.
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import { z } from 'zod';
import type { OutboxRow } from '../forward/otlp-log-record';
import { logEventSchema, type LogEvent } from '../log/event-schema';
import type { OutboxStore } from './forwarder';

interface OutboxDb extends DBSchema {
  outbox: { key: number; value: { seq?: number; event: LogEvent } };
}

const rowSchema = z.strictObject({ seq: z.number().int().positive(), event: logEventSchema });

export class IdbOutbox implements OutboxStore {
  private db: Promise<IDBPDatabase<OutboxDb>> | undefined;

  constructor(private readonly name = 'gatehouse-outbox') {}

  private open(): Promise<IDBPDatabase<OutboxDb>> {
    this.db ??= openDB<OutboxDb>(this.name, 1, {
      upgrade(db) {
        db.createObjectStore('outbox', { keyPath: 'seq', autoIncrement: true });
      },
    });
    return this.db;
  }

  /** Appends an event; the key generator gives strictly increasing sequence numbers, never reused. */
  async add(event: LogEvent): Promise<number> {
    return (await this.open()).add('outbox', { event });
  }

  async readAfter(cursor: number, limit: number): Promise<OutboxRow[]> {
    const db = await this.open();
    const values = await db.getAll('outbox', IDBKeyRange.lowerBound(cursor, true), limit);
    const rows: OutboxRow[] = [];
    for (const value of values) {
      const row = rowSchema.safeParse(value);
      // Rows are parsed events we wrote ourselves; one that no longer parses cannot be sent as it is.
      if (row.success) rows.push(row.data);
      else console.error('Gatehouse outbox row does not parse; it is not forwarded', value, row.error);
    }
    return rows;
  }

  async countAfter(cursor: number): Promise<number> {
    return (await this.open()).count('outbox', IDBKeyRange.lowerBound(cursor, true));
  }

  async seqAfter(cursor: number, n: number): Promise<number> {
    const keys = await (await this.open()).getAllKeys('outbox', IDBKeyRange.lowerBound(cursor, true), n);
    const last = keys[keys.length - 1];
    if (last === undefined) throw new Error(`the outbox has no rows after ${cursor}`);
    return last;
  }

  /** Removes rows the cursor has passed: acknowledged or skipped. */
  async deleteThrough(cursor: number): Promise<void> {
    if (cursor < 1) return;
    await (await this.open()).delete('outbox', IDBKeyRange.upperBound(cursor));
  }
}
