// The API-key detector's judgement of an assigned value (`password = ...`): short passwords need a digit
// and a letter; names made of letters only count when long and of mixed case; dotted member paths and
// values without a letter, digit or symbol are code, not secrets.
import { describe, expect, it } from 'vitest';
import { findPii } from '../../../lib/redact/redact';

function keys(text: string): string[] {
  return findPii(text, { types: ['API_KEY'] }).map((f) => text.slice(f.start, f.end));
}

const rows: [name: string, value: string, secret: boolean][] = [
  ['a short value with a letter and a digit', 'a1b2c3', true],
  ['a short value with a symbol but no digit', 'ab!cd', false],
  ['a short value of digits and a symbol', '12!34', false],
  ['eight characters with a symbol and no digit', 'abcd!efg', true],
  ['22 letters, half of them capitals', 'xKqWmZpLrTvBnHyGdFsJcE', true],
  ['20 letters, half of them capitals', 'xKqWmZpLrTvBnHyGdFsJ', true],
  ['19 letters, half of them capitals', 'xKqWmZpLrTvBnHyGdFs', false],
  ['20 letters, 30% capitals', 'wKqxmZprLtvBnHyqdfsJ', false],
  ['20 letters, 70% capitals', 'WKqXmZPRLtVBnHyQDFsJ', false],
  ['22 letters, no capitals', 'wkqxmzprltvbnhyqdfsjce', false],
  ['22 letters, all capitals', 'WKQXMZPRLTVBNHYQDFSJCE', false],
  ['a dotted member path with digits', 're2.onepass', false],
  ['a dotted path of three parts', 'cfg1.db.host2', false],
  ['letters and hyphens only', 'abc-defgh', false],
  ['digits and hyphens only', '12-34-56-78', false],
];

describe('values assigned to a secret key', () => {
  it.each(rows)('%s', (_name, value, secret) => {
    expect(keys(`password = ${value}`)).toEqual(secret ? [value] : []);
  });
});
