import { describe, expect, it } from 'vitest';
import { backoffDelayMs, parseRetryAfter } from '../../../lib/forward/backoff';

describe('backoffDelayMs (full jitter)', () => {
  it.each([
    ['first failure, top of the range', 1, 0.999_999, 999],
    ['third failure doubles twice', 3, 0.999_999, 3999],
    ['the cap bounds the ceiling', 20, 0.999_999, 29_999],
    ['jitter can reach zero', 5, 0, 0],
    ['half the ceiling at random 0.5', 4, 0.5, 4000],
  ])('%s', (_name, attempt, random, expected) => {
    expect(backoffDelayMs(attempt, 30_000, () => random)).toBe(expected);
  });

  it('never overflows for huge attempt counts', () => {
    expect(backoffDelayMs(10_000, 300_000, () => 0.5)).toBe(150_000);
  });
});

describe('parseRetryAfter', () => {
  const now = Date.parse('2026-01-01T00:00:00Z');
  it.each([
    ['delay-seconds', '120', 120_000],
    ['zero seconds', '0', 0],
    ['an HTTP-date in the future', 'Thu, 01 Jan 2026 00:00:30 GMT', 30_000],
    ['an HTTP-date in the past', 'Wed, 31 Dec 2025 23:00:00 GMT', 0],
    ['absent', null, undefined],
    ['garbage', 'soon', undefined],
    ['a negative number', '-5', undefined],
    ['a fraction', '1.5', undefined],
  ])('%s', (_name, value, expected) => {
    expect(parseRetryAfter(value, now)).toBe(expected);
  });
});
