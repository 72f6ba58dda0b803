// The log's IndexedDB database: its version and the upgrade path from the first release on.
import { openDB, type DBSchema, type IDBPDatabase, type IDBPTransaction } from 'idb';
import type { LogEvent } from '../log/event-schema';

export const eventDbName = 'gatehouse-log';
/** Bump with a new `if (oldVersion < N)` step below; never edit a released step. */
export const eventDbVersion = 1;

export type EventRow = LogEvent & { seq?: number };

export interface EventDbSchema extends DBSchema {
  events: {
    key: number;
    value: EventRow;
    indexes: { id: string; time: number; kind: string; service: string; kind_time: [string, number] };
  };
}

export type EventDb = IDBPDatabase<EventDbSchema>;

export function upgradeEventDb(
  db: IDBPDatabase<EventDbSchema>,
  oldVersion: number,
  _tx: IDBPTransaction<EventDbSchema, 'events'[], 'versionchange'>,
): void {
  if (oldVersion < 1) {
    // seq (autoIncrement) orders events for the forwarder's outbox; id (unique) makes re-adding a no-op.
    const events = db.createObjectStore('events', { keyPath: 'seq', autoIncrement: true });
    events.createIndex('id', 'id', { unique: true });
    events.createIndex('time', 'time');
    events.createIndex('kind', 'kind');
    events.createIndex('service', 'service');
    events.createIndex('kind_time', ['kind', 'time']);
  }
}

export function openEventDb(name = eventDbName): Promise<EventDb> {
  return openDB<EventDbSchema>(name, eventDbVersion, {
    upgrade: (db, oldVersion, _newVersion, tx) => upgradeEventDb(db, oldVersion, tx),
    // Another context (an old worker) holding an older version must let go, or the upgrade waits forever.
    blocking: (_current, _next, event) => (event.target as IDBDatabase).close(),
  });
}
