// Huge adversarial pastes: the engine must finish without throwing (no argument spreads or recursion over
// unbounded arrays, no quadratic rescans) and still report every finding, in order and without overlaps.
import { describe, expect, it } from 'vitest';
import { findPii, redactText, type Finding } from '../../../lib/redact/redact';

const MB = 1024 * 1024;

/** `unit` repeated to (at most) `size` characters, cut at a whole unit. */
function repeated(unit: string, size = 2 * MB): string {
  return unit.repeat(Math.floor(size / unit.length));
}

function expectSortedAndDisjoint(findings: Finding[]): void {
  for (let i = 1; i < findings.length; i++) {
    if (findings[i]!.start < findings[i - 1]!.end) throw new Error(`findings ${i - 1} and ${i} overlap`);
  }
}

const settings = { maxInputChars: 5 * MB };

// One row per input: the repeated unit, and the type and value found in each copy (or nothing).
const rows: [name: string, unit: string, expected: [type: string, value: string] | undefined][] = [
  ['spaced-out e-mail addresses', 'jo @ example . com ', ['EMAIL', 'jo @ example . com']],
  ['short spaced-out e-mail addresses', 'a @ b.co ', ['EMAIL', 'a @ b.co']],
  ['plain e-mail addresses, one per line', 'a@b.io\n', ['EMAIL', 'a@b.io']],
  ['spelled-out e-mail addresses', 'jo [at] mail [dot] de ', ['EMAIL', 'jo [at] mail [dot] de']],
  ['card numbers', '4111 1111 1111 1111\n', ['CREDIT_CARD', '4111 1111 1111 1111']],
  ['phone numbers', '+44 20 7946 0958, ', ['PHONE', '+44 20 7946 0958']],
  ['IPv4 addresses', '203.0.113.42 ', ['IP_ADDRESS', '203.0.113.42']],
  ['IBANs', 'DE89370400440532013000 ', ['IBAN', 'DE89370400440532013000']],
  ['secret assignments', 'password=Xk9mQ2vL7p\n', ['API_KEY', 'Xk9mQ2vL7p']],
  ['HTML-escaped e-mail addresses', 'jo&#64;example.com ', ['EMAIL', 'jo&#64;example.com']],
  ['zero-width characters in e-mail addresses', 'j\u200bo@example.com ', ['EMAIL', 'j\u200bo@example.com']],
  ['single digits and spaces', '1 ', undefined],
  // One line: each number asks whether a table header lies above its line, which must not re-read the line.
  ['eight-digit numbers on one line', '79460951 x ', undefined],
  ['at signs', '@', undefined],
  ['spaced at signs', ' @ ', undefined],
  ['colons', ':', undefined],
  ['hex and colons', 'a:', undefined],
  ['dashes', '-', undefined],
  ['dots between digits', '1.', undefined],
  ['opening brackets', '(', undefined],
  ['spelled "at" words', ' at ', undefined],
  ['bracketed at without a domain', '[at] ', undefined],
  ['secret words without values', 'password: \n', undefined],
  ['zero-width spaces', '\u200b', undefined],
];

describe('huge adversarial input (2 MB)', () => {
  it.each(rows)(
    '%s',
    (_name, unit, expected) => {
      const text = repeated(unit);
      const findings = findPii(text, settings);
      expectSortedAndDisjoint(findings);
      if (expected === undefined) {
        expect(findings).toEqual([]);
        return;
      }
      const copies = text.length / unit.length;
      expect(findings).toHaveLength(copies);
      const values = new Set(findings.map((f) => `${f.type} ${text.slice(f.start, f.end)}`));
      expect([...values]).toEqual([`${expected[0]} ${expected[1]}`]);
      expect(findings[copies - 1]!.start).toBe(
        (copies - 1) * unit.length + unit.indexOf(expected[1].charAt(0)),
      );
    },
    60_000,
  );

  it('private key headers without an end are one block', () => {
    const text = repeated('-----BEGIN PRIVATE KEY-----\n');
    expect(findPii(text, settings)).toEqual([{ type: 'API_KEY', start: 0, end: text.length - 1 }]);
  }, 60_000);

  it('a single 2 MB digit run is neither a card nor a phone', () => {
    expect(findPii('7'.repeat(2 * MB), settings)).toEqual([]);
  }, 60_000);

  it('a single 2 MB token-like word is not scanned position by position', () => {
    const text = 'AKIA' + 'Q'.repeat(2 * MB);
    expect(findPii(text, settings)).toEqual([]);
  }, 60_000);

  it('redactText counts every one of 200,000 findings', () => {
    const unit = 'a @ b.co ';
    const text = repeated(unit, 200_000 * unit.length);
    const result = redactText(text, settings);
    expect(result.counts).toEqual({ EMAIL: 200_000 });
    // Numbered placeholders (the default): the same address keeps one number.
    expect(result.text.length).toBe('[EMAIL_1] '.length * 200_000);
    expect(result.text === '[EMAIL_1] '.repeat(200_000)).toBe(true);
  }, 60_000);
});
