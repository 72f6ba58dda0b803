// Day buckets for the popup chart: local-midnight boundaries for the last N days, and their counts by kind.
import type { EventKind } from './event-schema';

export type KindCounts = Partial<Record<EventKind, number>>;

export interface DayCounts {
  /** Local midnight that starts the day (ms since the epoch). */
  start: number;
  counts: KindCounts;
}

export function startOfLocalDay(time: number): number {
  const d = new Date(time);
  d.setHours(0, 0, 0, 0);
  return d.getTime();
}

/** `days + 1` boundaries, oldest first: day i spans [bounds[i], bounds[i+1]); the last is tomorrow's midnight. */
export function dayBoundaries(now: number, days: number): number[] {
  const today = new Date(startOfLocalDay(now));
  const bounds: number[] = [];
  for (let i = days - 1; i >= -1; i--) {
    const d = new Date(today);
    d.setDate(today.getDate() - i); // calendar arithmetic keeps DST days right
    bounds.push(d.getTime());
  }
  return bounds;
}

export function totalOf(counts: KindCounts): number {
  return Object.values(counts).reduce((sum, n) => sum + (n ?? 0), 0);
}

/** The largest day total, for scaling the chart (at least 1 so an empty chart still draws). */
export function maxDayTotal(days: DayCounts[]): number {
  return days.reduce((max, day) => Math.max(max, totalOf(day.counts)), 1);
}
