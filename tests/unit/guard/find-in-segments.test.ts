import { describe, expect, it } from 'vitest';
import { countFindings } from '../../../lib/guard/file-verdict';
import { findInSegments } from '../../../lib/guard/find-in-segments';
import { segmentsWithPlaceholders, type TextSegment } from '../../../lib/guard/placeholder-text';
import { typedPlaceholder } from '../../../lib/redact/placeholders';

const inline = (text: string): TextSegment => ({ text, breakBefore: false });
const block = (text: string): TextSegment => ({ text, breakBefore: true });

describe('findInSegments, written with segmentsWithPlaceholders', () => {
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
    const findings = findInSegments(segments);
    expect(segmentsWithPlaceholders(segments, findings, typedPlaceholder)).toEqual(expected);
    expect(countFindings(findings)).toEqual(counts);
  });

  it('uses the caller’s placeholder, given each finding’s whole value', () => {
    const segments = [inline('x a@'), inline('b.com')];
    const written = segmentsWithPlaceholders(segments, findInSegments(segments), (type, value) => {
      return `<${type.toLowerCase()} ${value}>`;
    });
    expect(written).toEqual(['x <email a@b.com>', '']);
  });
});
