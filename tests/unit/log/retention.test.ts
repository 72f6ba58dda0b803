import { describe, expect, it } from 'vitest';
import {
  dayMs,
  excessEvents,
  keptByCount,
  quotaPruneCount,
  retentionCutoff,
} from '../../../lib/log/retention';

describe('retention', () => {
  it('cuts off retentionDays before now', () => {
    expect(retentionCutoff(100 * dayMs, 90)).toBe(10 * dayMs);
  });

  it.each([
    [10, 20, 0],
    [20, 20, 0],
    [25, 20, 5],
  ])('%i events with a maximum of %i leave %i to delete', (count, max, expected) => {
    expect(excessEvents(count, max)).toBe(expected);
  });

  it.each([
    [0, 0],
    [50, 50],
    [500, 100],
    [100_000, 10_000],
  ])('a full disk with %i events frees %i', (count, expected) => {
    expect(quotaPruneCount(count)).toBe(expected);
  });
});

describe('keptByCount', () => {
  it('is every kind that carries a user justification, overrides of uploads included', () => {
    expect([...keptByCount].sort()).toEqual(['continued', 'paste_override', 'upload_override']);
  });
});
