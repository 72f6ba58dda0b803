import { describe, expect, it } from 'vitest';
import { dayBoundaries, maxDayTotal, startOfLocalDay, totalOf } from '../../../lib/log/day-buckets';

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
