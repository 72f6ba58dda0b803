import { describe, expect, it } from 'vitest';
import { redactSegments, type TextSegment } from '../../../lib/guard/redact-segments';

const inline = (text: string): TextSegment => ({ text, breakBefore: false });
const block = (text: string): TextSegment => ({ text, breakBefore: true });

describe('redactSegments', () => {
  it.each<[string, TextSegment[], string[], Record<string, number>]>([
    ['leaves clean segments untouched', [inline('Hello '), inline('world')], ['Hello ', 'world'], {}],
    [
      'redacts inside one segment and keeps the rest',
      [inline('Write to jane.doe@example.com today')],
      ['Write to [EMAIL] today'],
      { EMAIL: 1 },
    ],
    [
      'finds an address split over inline elements and removes the tail from the next segment',
      [inline('mail '), inline('jane.doe'), inline('@example.com'), inline(' now')],
      ['mail ', '[EMAIL]', '', ' now'],
      { EMAIL: 1 },
    ],
    [
      'does not join segments across a block boundary',
      [inline('Card'), block('4111 1111 1111 1111')],
      ['Card', '[CREDIT_CARD]'],
      { CREDIT_CARD: 1 },
    ],
    [
      'redacts attribute values given as their own segments',
      [inline('Contact'), block('mailto:jane.doe@example.com')],
      ['Contact', 'mailto:[EMAIL]'],
      { EMAIL: 1 },
    ],
    [
      'counts each finding once however many segments it spans',
      [inline('a@'), inline('b.co'), inline('m and c@d.com')],
      ['[EMAIL]', '', ' and [EMAIL]'],
      { EMAIL: 2 },
    ],
  ])('%s', (_name, segments, expected, counts) => {
    const result = redactSegments(segments);
    expect(result.segments).toEqual(expected);
    expect(result.counts).toEqual(counts);
  });

  it('uses the caller’s placeholder', () => {
    const result = redactSegments([inline('x a@b.com')], undefined, (f) => `<${f.type.toLowerCase()}>`);
    expect(result.segments).toEqual(['x <email>']);
  });
});
