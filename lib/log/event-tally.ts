// Counts per kind and per service for the events in view (the popup's summary above the list).
import type { KindCounts } from './day-buckets';
import type { LogEvent } from './event-schema';

export interface EventTally {
  total: number;
  byKind: KindCounts;
  /** Service id → events; events without a service (policy_applied, log_pruned…) are not in it. */
  byService: ReadonlyMap<string, number>;
}

export const emptyTally: EventTally = { total: 0, byKind: {}, byService: new Map() };

/** A new tally with `events` added; the log streams in chunks, so the popup adds chunk by chunk. */
export function addToTally(tally: EventTally, events: readonly LogEvent[]): EventTally {
  const byKind = { ...tally.byKind };
  // A Map, not an object: a stored service id is any string, "__proto__" included.
  const byService = new Map(tally.byService);
  for (const event of events) {
    byKind[event.kind] = (byKind[event.kind] ?? 0) + 1;
    if (event.service !== null) byService.set(event.service, (byService.get(event.service) ?? 0) + 1);
  }
  return { total: tally.total + events.length, byKind, byService };
}

/** The busiest services first (ties by id, so the order does not flicker while the log streams). */
export function topServices(tally: EventTally, limit: number): { service: string; count: number }[] {
  return [...tally.byService]
    .map(([service, count]) => ({ service, count }))
    .sort((a, b) => b.count - a.count || (a.service < b.service ? -1 : a.service > b.service ? 1 : 0))
    .slice(0, limit);
}
