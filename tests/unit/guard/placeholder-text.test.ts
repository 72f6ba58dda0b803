import { describe, expect, it } from 'vitest';
import {
  FindingsMismatchError,
  joinSegments,
  segmentsWithPlaceholders,
  withPlaceholders,
  type FindingSpan,
  type TextSegment,
} from '../../../lib/guard/placeholder-text';
import { typedPlaceholder } from '../../../lib/redact/placeholders';

const email = (start: number, end: number): FindingSpan => ({ type: 'EMAIL', start, end });
const inline = (text: string): TextSegment => ({ text, breakBefore: false });
const block = (text: string): TextSegment => ({ text, breakBefore: true });

describe('withPlaceholders', () => {
  it.each<[string, string, FindingSpan[], string]>([
    ['no findings: the text as it was', 'hello', [], 'hello'],
    ['one finding', 'to a@b.com now', [email(3, 10)], 'to [EMAIL] now'],
    ['findings at both ends', 'a@b.com c@d.com', [email(0, 7), email(8, 15)], '[EMAIL] [EMAIL]'],
  ])('%s', (_name, text, findings, expected) => {
    expect(withPlaceholders(text, findings, typedPlaceholder)).toBe(expected);
  });

  it('hands the writer each finding’s original value', () => {
    const seen: string[] = [];
    withPlaceholders('to a@b.com and c@d.com', [email(3, 10), email(15, 22)], (type, value) => {
      seen.push(`${type}:${value}`);
      return '';
    });
    expect(seen).toEqual(['EMAIL:a@b.com', 'EMAIL:c@d.com']);
  });

  it.each<[string, FindingSpan[]]>([
    ['past the end (a verdict for a longer text)', [email(3, 40)]],
    ['overlapping', [email(0, 5), email(3, 8)]],
    ['unsorted', [email(5, 8), email(0, 3)]],
    ['reversed', [email(5, 3)]],
  ])('refuses findings that do not fit the text: %s', (_name, findings) => {
    expect(() => withPlaceholders('0123456789', findings, typedPlaceholder)).toThrow(FindingsMismatchError);
  });
});

describe('segmentsWithPlaceholders', () => {
  it('joins segments with a line break only at block boundaries', () => {
    expect(joinSegments([inline('a'), inline('b'), block('c')])).toEqual({
      joined: 'ab\nc',
      starts: [0, 1, 3],
    });
  });

  it('puts a finding that starts on the joining line break into the next segment', () => {
    const segments = [inline('x'), block('a@b.com')];
    // Offsets into "x\na@b.com": a finding from 1 (the line break) to 9.
    expect(segmentsWithPlaceholders(segments, [email(1, 9)], typedPlaceholder)).toEqual(['x', '[EMAIL]']);
  });

  it('refuses findings beyond the joined text', () => {
    expect(() => segmentsWithPlaceholders([inline('ab')], [email(0, 5)], typedPlaceholder)).toThrow(
      FindingsMismatchError,
    );
  });
});
