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

/** `hours + 1` boundaries on the hour, oldest first; the last is the start of the next hour. */
export function hourBoundaries(now: number, hours: number): number[] {
  const next = new Date(now);
  next.setMinutes(0, 0, 0);
  next.setHours(next.getHours() + 1);
  const bounds: number[] = [];
  for (let i = hours; i >= 0; i--) {
    const d = new Date(next);
    d.setHours(next.getHours() - i);
    bounds.push(d.getTime());
  }
  return bounds;
}

export const timeRanges = ['all', '24h', '7d', '30d'] as const;
export type TimeRange = (typeof timeRanges)[number];

/** Where a range starts, measured back from `now`; undefined for all time. */
export function rangeStart(range: TimeRange, now: number): number | undefined {
  const days = { all: undefined, '24h': 1, '7d': 7, '30d': 30 }[range];
  return days === undefined ? undefined : now - days * 24 * 60 * 60 * 1000;
}

export interface ChartBuckets {
  unit: 'hour' | 'day';
  /** As from dayBoundaries/hourBoundaries: bucket i spans [bounds[i], bounds[i+1]). */
  bounds: number[];
}

/** The longest the chart reaches back: the retention default keeps more, but 30 bars still read. */
export const chartMaxDays = 30;
const chartMinDays = 7;

/**
 * The chart's bars for a time range. Hours for the last 24 hours, and for a log that began less than a
 * day ago (a new install shows its first hours, not one bar at the end of a month); otherwise days,
 * from the first event's day (at least a week, so a few days still look like a timeline) to 30 days.
 */
export function chartBuckets(range: TimeRange, now: number, oldestEvent: number | null): ChartBuckets {
  const dayLength = 24 * 60 * 60 * 1000;
  if (range === '24h' || (range === 'all' && oldestEvent !== null && oldestEvent > now - dayLength))
    return { unit: 'hour', bounds: hourBoundaries(now, 24) };
  if (range === '7d') return { unit: 'day', bounds: dayBoundaries(now, 7) };
  if (range === '30d' || oldestEvent === null)
    return { unit: 'day', bounds: dayBoundaries(now, chartMaxDays) };
  const days = Math.round((startOfLocalDay(now) - startOfLocalDay(oldestEvent)) / dayLength) + 1;
  return { unit: 'day', bounds: dayBoundaries(now, Math.min(chartMaxDays, Math.max(chartMinDays, days))) };
}
