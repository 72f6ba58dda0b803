// A LogEvent as the IndexedDB store holds it: the event plus its store-assigned, ever-increasing `seq`.
import { logEventSchema, type LogEvent } from './event-schema';

export type StoredLogEvent = LogEvent & { seq: number };

/** Rows are a boundary: a row that does not parse (hand-edited, or a future version) is skipped, not shown. */
export function parseStoredEvent(row: unknown): StoredLogEvent | undefined {
  if (typeof row !== 'object' || row === null) return undefined;
  const { seq, ...rest } = row as Record<string, unknown>;
  if (typeof seq !== 'number' || !Number.isInteger(seq)) return undefined;
  const parsed = logEventSchema.safeParse(rest);
  return parsed.success ? { ...parsed.data, seq } : undefined;
}
