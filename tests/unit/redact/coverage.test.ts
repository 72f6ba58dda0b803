// Coverage (lib/redact/scan.ts): which offsets a set of spans covers, asked about offsets and ranges. Spans are
// half-open, so a span ending where a range starts, or starting where it ends, does not touch it.
import { describe, expect, it } from 'vitest';
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

  it('covers nothing when empty', () => {
    const none = new Coverage([]);
    expect([none.covers(0), none.overlaps(0, 100)]).toEqual([false, false]);
  });
});
