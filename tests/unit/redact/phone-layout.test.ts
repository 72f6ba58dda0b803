// The phone candidates' shape rules (lib/redact/phone-layout.ts) were regular expressions over a copy of the
// candidate; they are now written out over its groups of digits. Each rule must answer as its expression did:
// the expressions stay here as the rules' specification, checked on named rows and on seeded random
// candidates shaped as the detector's are: digits and the separators a numeric chunk may hold, maybe a '+'
// or '(' first, ending with a digit, at least eight characters.
import { describe, expect, it } from 'vitest';
import {
  containsDate,
  DASH,
  DOT,
  dottedOneDigitGroup,
  dutchMobileLayout,
  frenchLayout,
  Layout,
  looksLikeDate,
  looksLikeDotted,
  nanpShape,
  oneDigitLastGroup,
  PAREN,
  SLASH,
  SPACE,
  twoDigitStart,
} from '../../../lib/redact/phone-layout';

const rules: [name: string, rule: (shape: Layout) => boolean, expression: RegExp][] = [
  [
    'looksLikeDate',
    looksLikeDate,
    /^(?:\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4})(?:[ T]|$)/,
  ],
  ['looksLikeDotted', looksLikeDotted, /^\d{1,3}(?:\.\d{1,3}){2,}$/],
  ['containsDate', containsDate, /\d{4}-\d\d-\d\d|\d\d[./-]\d\d[./-]\d{4}/],
  ['frenchLayout', frenchLayout, /^0\d(?:([ .-])\d\d)(?:\1\d\d){3}$/],
  ['dottedOneDigitGroup', dottedOneDigitGroup, /(?:^|\.)\d\./],
  ['oneDigitLastGroup', oneDigitLastGroup, /[ ./-]\d$/],
  ['nanpShape', nanpShape, /^(?:1[ .-]?)?(?:\(\d{3}\) ?|\d{3}[ .-])\d{3}[ .-]\d{4}$/],
  ['twoDigitStart', twoDigitStart, /^\(?0\d\)?[ .-]/],
  ['dutchMobileLayout', dutchMobileLayout, /^06[ -]\d{8}$/],
];

// Candidates that sit at each rule's edges, one list for all rules.
const named = [
  '2024-01-15',
  '2024-01-15 10',
  '2024-1-5',
  '2024-01-155',
  '20245-01-15',
  '2024-011-15',
  '2024--01-15',
  '2024-01-15-1',
  '15/01/2024',
  '15.01.24',
  '15.01.20245',
  '1.1.24 1',
  '115.01.2024',
  '(2024-01-15',
  '12.34.56.78',
  '1234.5.6',
  '12.34.56.7890',
  '12..34.56',
  '+12.34.56',
  '12024-03-12',
  '2024-03-12',
  '2024-03-1',
  '2024-3-12',
  '2024.03.12',
  '1 15.01.2024',
  '15-01-2024',
  '15-01-202',
  '15-1-2024',
  '5-01-2024',
  '04.10.83.09.41',
  '04 10 83 09 41',
  '04-10-83-09-41',
  '04/10/83/09/41',
  '04.10 83.09.41',
  '14.10.83.09.41',
  '04.10.83.09.411',
  '04.10.83.09',
  '04.10.83.09.41.22',
  '(04.10.83.09.41',
  '04..10.83.09.41',
  '1.2345.67890',
  '1234.5.67890',
  '+1.2345.678',
  '1234 5678 9012 3',
  '0-306-40615-2',
  '12345678',
  '212-555-0187',
  '212.555.0187',
  '212 555 0187',
  '(212) 555-0187',
  '(212)555-0187',
  '(212)  555-0187',
  '1-212-555-0187',
  '1.212.555.0187',
  '1 212 555 0187',
  '1/212-555-0187',
  '1 (212) 555 0187',
  '1(212) 555 0187',
  '1212-555-0187',
  '1--212-555-0187',
  '2125-555-0187',
  '212-555-01877',
  '212-555-018',
  '212/555-0187',
  '(212 555-0187',
  '12-555-0187',
  '01 02 03 04',
  '(05) 74 700',
  '(05)74 700',
  '010 1234',
  '06-12345678',
  '06 12345678',
  '06.12345678',
  '06-123456789',
  '06-1234567',
  '07-12345678',
  '16-12345678',
  '006-12345678',
  '+06-12345678',
  '06--12345678',
];

const separators = [' ', ' ', '-', '-', '.', '.', '/', '(', ')', '  ', ' - ', ') ', '..', '-('];

function randomCandidates(count: number): string[] {
  let seed = 16;
  const random = () => (seed = (Math.imul(seed, 1103515245) + 12345) & 0x7fffffff) / 0x80000000;
  const candidates: string[] = [];
  for (let n = 0; n < count; n++) {
    let candidate = random() < 0.15 ? '+' : random() < 0.15 ? '(' : '';
    const groups = 1 + Math.floor(random() * 6);
    for (let g = 0; g < groups; g++) {
      if (g > 0) candidate += separators[Math.floor(random() * separators.length)];
      const length = 1 + Math.floor(random() * 5);
      for (let d = 0; d < length; d++) candidate += String(random() < 0.3 ? 0 : Math.floor(random() * 10));
    }
    if (candidate.length >= 8) candidates.push(candidate);
  }
  return candidates;
}

// The rules read the candidate inside a longer text, as the detector does: what lies around it must not count.
function layoutOf(candidate: string, before: string, after: string): Layout {
  return new Layout().read(before + candidate + after, before.length, before.length + candidate.length);
}

const candidates = named.filter((candidate) => candidate.length >= 8);

describe.each(rules)('%s answers as its regular expression did', (_name, rule, expression) => {
  it.each(candidates)('%s', (candidate) => {
    for (const [before, after] of [
      ['', ''],
      ['.', '.5'],
      ['x ', ' y'],
      ['0', '0'],
    ]) {
      expect(rule(layoutOf(candidate, before!, after!))).toBe(expression.test(candidate));
    }
  });

  it('on seeded random candidates', () => {
    const differing = randomCandidates(4000).filter(
      (candidate) => rule(layoutOf(candidate, '1.', '.1')) !== expression.test(candidate),
    );
    expect(differing).toEqual([]);
  });
});

describe('a candidate read into its groups', () => {
  it('counts digits and groups, and notes the separators', () => {
    const shape = new Layout().read('x(020) 7946-0958x', 1, 16);
    expect([shape.groups, shape.digits, shape.digitString()]).toEqual([3, 11, '02079460958']);
    expect([shape.groupLength(0), shape.groupLength(1), shape.groupLength(2)]).toEqual([3, 4, 4]);
    expect([shape.gapChar(1), shape.gapChar(2)]).toEqual([-1, 45]);
    expect(shape.startsWithDigit()).toBe(false);
  });

  it('reads a candidate of one group as its digits', () => {
    const shape = new Layout().read('a 02079460958 b', 2, 13);
    expect([shape.groups, shape.digits, shape.digitString(), shape.startsWithDigit()]).toEqual([
      1,
      11,
      '02079460958',
      true,
    ]);
  });
});

// Which separators a candidate holds decides the detector's rules for grouped, dotted and date-like numbers.
const separatorBits: [candidate: string, bits: number][] = [
  ['1234 5678', SPACE],
  ['(1234)5678', PAREN],
  ['(12345678', PAREN],
  ['1234)5678', PAREN],
  ['1234-5678', DASH],
  ['1234.5678', DOT],
  ['1234/5678', SLASH],
  ['+12345678', 0],
  ['12345678', 0],
  ['+1 (234) 56-78.9/0', SPACE | PAREN | DASH | DOT | SLASH],
];

describe('the separators a candidate holds', () => {
  it.each(separatorBits)('%s', (candidate, bits) => {
    expect(layoutOf(candidate, 'x', 'x').separators).toBe(bits);
  });
});
