// Coverage (lib/redact/scan.ts): which offsets a set of spans covers, asked about offsets and ranges. Spans are
// half-open, so a span ending where a range starts, or starting where it ends, does not touch it.
import { describe, expect, it } from 'vitest';
import type { Detection } from '../../../lib/redact/detection';
import { Coverage } from '../../../lib/redact/scan';

const spans = new Coverage([
  { type: 'PHONE', start: 20, end: 30 },
  { type: 'EMAIL', start: 5, end: 10 },
  { type: 'IBAN', start: 22, end: 25 },
]);

describe('Coverage', () => {
  it('covers the offsets inside a span and none next to it', () => {
    expect([4, 5, 9, 10, 19, 20, 29, 30].map((offset) => spans.covers(offset))).toEqual([
      false,
      true,
      true,
      false,
      false,
      true,
      true,
      false,
    ]);
  });

  it('overlaps a range sharing an offset with a span, not one that only touches it', () => {
    expect(spans.overlaps(0, 5)).toBe(false);
    expect(spans.overlaps(0, 6)).toBe(true);
    expect(spans.overlaps(10, 20)).toBe(false);
    expect(spans.overlaps(29, 40)).toBe(true);
    expect(spans.overlaps(30, 40)).toBe(false);
  });

  it('answers the same in any order of questions (the search starts from its last answer)', () => {
    // Forty spans of 3 every 7 offsets, with a longer one over three of them; asked forwards, backwards and
    // jumping, one instance must agree with a direct reading of the spans.
    const list: Detection[] = Array.from({ length: 40 }, (_, k) => ({
      type: 'PHONE',
      start: k * 7,
      end: k * 7 + 3,
    }));
    list.push({ type: 'IBAN', start: 100, end: 120 });
    const direct = (offset: number) => list.some((d) => d.start <= offset && offset < d.end);
    const offsets = Array.from({ length: 290 }, (_, k) => k);
    const jumping = offsets.map((_, k) => (k * 97) % 290);
    const coverage = new Coverage(list);
    for (const order of [offsets, [...offsets].reverse(), jumping]) {
      expect(order.map((offset) => coverage.covers(offset))).toEqual(order.map(direct));
      expect(order.map((offset) => coverage.overlaps(offset, offset + 5))).toEqual(
        order.map((offset) => [0, 1, 2, 3, 4].some((k) => direct(offset + k))),
      );
    }
  });

  it('covers nothing when empty', () => {
    const none = new Coverage([]);
    expect([none.covers(0), none.overlaps(0, 100)]).toEqual([false, false]);
  });
});
