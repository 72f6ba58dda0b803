// The outbox as the forwarder reads it: the event log's stored events after a seq (lib/browser/event-store.ts).
import type { OutboxRow } from './otlp-log-record';

export interface OutboxStore {
  readAfter(cursor: number, limit: number): Promise<OutboxRow[]>;
  countAfter(cursor: number): Promise<number>;
  seqAfter(cursor: number, n: number): Promise<number>;
}
