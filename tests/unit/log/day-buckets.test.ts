import { describe, expect, it } from 'vitest';
import {
  chartBuckets,
  dayBoundaries,
  hourBoundaries,
  maxDayTotal,
  rangeStart,
  startOfLocalDay,
  totalOf,
} from '../../../lib/log/day-buckets';

describe('dayBoundaries', () => {
  const now = new Date(2026, 2, 15, 13, 30).getTime();

  it('gives days + 1 local midnights ending with tomorrow', () => {
    const bounds = dayBoundaries(now, 30);
    expect(bounds).toHaveLength(31);
    expect(bounds[29]).toBe(startOfLocalDay(now));
    expect(bounds[30]).toBe(new Date(2026, 2, 16).getTime());
    expect(bounds[0]).toBe(new Date(2026, 1, 14).getTime());
  });

  it('is strictly increasing, each a local midnight', () => {
    const bounds = dayBoundaries(now, 30);
    for (let i = 1; i < bounds.length; i++) expect(bounds[i]).toBeGreaterThan(bounds[i - 1]!);
    for (const b of bounds) expect(new Date(b).getHours()).toBe(0);
  });
});

describe('totals', () => {
  it('sums counts and scales to the busiest day, at least 1', () => {
    expect(totalOf({ blocked: 2, warned: 3 })).toBe(5);
    expect(maxDayTotal([])).toBe(1);
    expect(
      maxDayTotal([
        { start: 0, counts: { blocked: 2 } },
        { start: 1, counts: { warned: 7 } },
      ]),
    ).toBe(7);
  });

  it('scales a log of 200,000 days without running out of stack', () => {
    const days = Array.from({ length: 200_000 }, (_, i) => ({ start: i, counts: { blocked: i % 1000 } }));
    expect(maxDayTotal(days)).toBe(999);
  });
});

describe('hourBoundaries', () => {
  it('gives hours + 1 boundaries on the hour, ending with the next hour', () => {
    const now = new Date(2026, 2, 15, 13, 30).getTime();
    const bounds = hourBoundaries(now, 24);
    expect(bounds).toHaveLength(25);
    expect(bounds[24]).toBe(new Date(2026, 2, 15, 14).getTime());
    expect(bounds[23]).toBe(new Date(2026, 2, 15, 13).getTime());
    expect(bounds[0]).toBe(new Date(2026, 2, 14, 14).getTime());
  });
});

describe('chartBuckets: a chart that reads for a new install and for a month', () => {
  const now = new Date(2026, 2, 15, 13, 30).getTime();
  const hoursAgo = (h: number) => now - h * 3_600_000;
  const daysAgo = (d: number) => new Date(2026, 2, 15 - d, 9).getTime();

  it.each<[string, Parameters<typeof chartBuckets>[0], number | null, 'hour' | 'day', number]>([
    ['last 24 hours: hours', '24h', daysAgo(40), 'hour', 24],
    ['a log begun 3 hours ago: its first hours', 'all', hoursAgo(3), 'hour', 24],
    ['a log begun yesterday morning: a week of days', 'all', daysAgo(1), 'day', 7],
    ['a log begun 12 days ago: those 12 days and today', 'all', daysAgo(12), 'day', 13],
    ['a log older than a month: the last 30 days', 'all', daysAgo(200), 'day', 30],
    ['an empty log: 30 days', 'all', null, 'day', 30],
    ['last 7 days', '7d', daysAgo(200), 'day', 7],
    ['last 30 days, even for a new install', '30d', hoursAgo(3), 'day', 30],
  ])('%s', (_name, range, oldest, unit, bars) => {
    const buckets = chartBuckets(range, now, oldest);
    expect(buckets.unit).toBe(unit);
    expect(buckets.bounds).toHaveLength(bars + 1);
    expect(buckets.bounds.at(-2)).toBeLessThanOrEqual(now);
    expect(buckets.bounds.at(-1)).toBeGreaterThan(now);
  });

  it('starts a young log on the day of its first event', () => {
    expect(chartBuckets('all', now, daysAgo(12)).bounds[0]).toBe(new Date(2026, 2, 3).getTime());
  });
});

describe('rangeStart', () => {
  it.each([
    ['all', undefined],
    ['24h', 1],
    ['7d', 7],
    ['30d', 30],
  ] as const)('%s reaches back %s days', (range, days) => {
    const now = 1_800_000_000_000;
    expect(rangeStart(range, now)).toBe(days === undefined ? undefined : now - days * 86_400_000);
  });
});
