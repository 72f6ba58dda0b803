import { describe, expect, it } from 'vitest';
import { normaliseText } from '../../../lib/redact/normalise-text';

const rows: [name: string, original: string, normalised: string][] = [
  ['ASCII is left alone', 'call 020 7946 0958', 'call 020 7946 0958'],
  ['zero-width characters are dropped', 'a\u200bb\u200cc\u200dd\u2060e\ufeff', 'abcde'],
  ['soft hyphen is dropped', 'AB\u00ad12', 'AB12'],
  ['full-width ASCII becomes ASCII', '＋４４ ｍａｒｋ＠ｅｘａｍｐｌｅ．ｃｏｍ', '+44 mark@example.com'],
  ['no-break, thin and ideographic spaces become spaces', '1\u00a02\u20093\u202f4\u30005', '1 2 3 4 5'],
  ['dashes and minus become hyphens', '1\u20132\u20143\u22124\u20115', '1-2-3-4-5'],
  ['other non-ASCII text is kept', 'Grüße – café', 'Grüße - café'],
  ['HTML references to ASCII are decoded', 'a&#64;b&#x2E;c&commat;d&nbsp;e', 'a@b.c@d e'],
  ['other HTML references are kept', '&#233; &amp; &#x1F600;', '&#233; &amp; &#x1F600;'],
  ['Arabic-Indic digits become ASCII', '٠١٢٣٤٥٦٧٨٩ ۰۹', '0123456789 09'],
  // One kind per row: each starts with a different character, and a text holding no such character is
  // returned as it is without running the expression.
  ["percent-encoded '@' becomes '@'", 'email=jane.doe%40example.com', 'email=jane.doe@example.com'],
  ["a defanged dot in brackets becomes '.'", '185[.]44.12[.]9', '185.44.12.9'],
  ["a defanged dot in parentheses becomes '.'", 'jane@example(.)com', 'jane@example.com'],
  ["a defanged dot in braces becomes '.'", 'jane@example{.}org', 'jane@example.org'],
  ["a defanged '@' in brackets becomes '@'", 'jane[@]example.com', 'jane@example.com'],
  ["a defanged '@' in parentheses becomes '@'", 'jane(@)example.com', 'jane@example.com'],
];

describe('normaliseText rewrites look-alike characters', () => {
  it.each(rows)('%s', (_name, original, normalised) => {
    expect(normaliseText(original).text).toBe(normalised);
  });
});

const spans: [name: string, original: string, span: [number, number], expected: string][] = [
  ['span after dropped characters shifts right', '\u200b\u200bjohn', [0, 4], 'john'],
  ['span containing a dropped character keeps it', 'jo\u200bhn!', [0, 4], 'jo\u200bhn'],
  ['dropped character right after a span stays outside', 'ab\u200bcd', [0, 2], 'ab'],
  ['dropped character right before a span stays outside', 'ab\u200bcd', [2, 4], 'cd'],
  ['rewritten characters keep their offsets', 'x ４１１１ y', [2, 6], '４１１１'],
  ['span ending in a reference includes all of it', 'ab&#64; cd', [0, 3], 'ab&#64;'],
  ['span starting after a reference skips it', 'ab&#64;cd!', [3, 5], 'cd'],
  ['span starting at a reference includes it', 'x &#64;cd', [2, 5], '&#64;cd'],
];

describe('normaliseText maps spans back to the original text', () => {
  it.each(spans)('%s', (_name, original, [start, end], expected) => {
    const mapped = normaliseText(original).toOriginal(start, end);
    expect(original.slice(mapped.start, mapped.end)).toBe(expected);
  });
});
