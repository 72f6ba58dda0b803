import { describe, expect, it } from 'vitest';
import {
  findPii,
  redactText,
  RedactionInputTooLargeError,
  validateRedactionSettings,
} from '../../../lib/redact/redact';
import type { RedactionSettings } from '../../../lib/redact/settings';

const paste =
  'From anna@example.de (+49 30 12345678): pay DE89370400440532013000, cc anna@example.de and bob@example.com';

describe('redactText placeholders', () => {
  const rows: [name: string, settings: Partial<RedactionSettings> | undefined, expected: string][] = [
    ['typed', { placeholders: 'typed' }, 'From [EMAIL] ([PHONE]): pay [IBAN], cc [EMAIL] and [EMAIL]'],
    [
      'numbered by default: same value, same token',
      undefined,
      'From [EMAIL_1] ([PHONE_1]): pay [IBAN_1], cc [EMAIL_1] and [EMAIL_2]',
    ],
    [
      'restore writes numbered placeholders too',
      { placeholders: 'restore' },
      'From [EMAIL_1] ([PHONE_1]): pay [IBAN_1], cc [EMAIL_1] and [EMAIL_2]',
    ],
    [
      'only the selected types',
      { types: ['IBAN'], placeholders: 'typed' },
      paste.replace('DE89370400440532013000', '[IBAN]'),
    ],
  ];
  it.each(rows)('%s', (_name, settings, expected) => {
    expect(redactText(paste, settings).text).toBe(expected);
  });

  it('counts findings per type', () => {
    expect(redactText(paste).counts).toEqual({ EMAIL: 3, PHONE: 1, IBAN: 1 });
  });

  it('numbers evasive spellings of one value with the same token', () => {
    const text = 'a@example.com or a\u200b@example.com';
    expect(redactText(text, { placeholders: 'numbered' }).text).toBe('[EMAIL_1] or [EMAIL_1]');
  });
});

describe('findPii findings', () => {
  it('are sorted, non-overlapping and index the original text', () => {
    const text = 'x\u200b\u200b anna@example.de 4111\u00a01111\u00a01111\u00a01111';
    const findings = findPii(text);
    expect(findings.map((f) => [f.type, text.slice(f.start, f.end)])).toEqual([
      ['EMAIL', 'anna@example.de'],
      ['CREDIT_CARD', '4111\u00a01111\u00a01111\u00a01111'],
    ]);
    expect(findings[0]!.end).toBeLessThanOrEqual(findings[1]!.start);
  });

  it('prefer the higher-priority type when two overlap', () => {
    // The IBAN's digits would also pass as other numbers; only the IBAN is reported.
    expect(findPii('IBAN DE89 3704 0044 0532 0130 00').map((f) => f.type)).toEqual(['IBAN']);
  });

  it('return nothing for empty text', () => {
    expect(findPii('')).toEqual([]);
  });
});

describe('input size limit', () => {
  it('throws a typed error instead of scanning part of the text', () => {
    const settings = { maxInputChars: 1000 };
    const text = 'a'.repeat(1001);
    expect(() => findPii(text, settings)).toThrow(RedactionInputTooLargeError);
    expect(() => redactText(text, settings)).toThrow(/1001 characters exceeds the redaction limit of 1000/);
  });

  it('accepts text exactly at the limit', () => {
    expect(findPii('a'.repeat(1000), { maxInputChars: 1000 })).toEqual([]);
  });
});

describe('custom patterns and dictionaries', () => {
  const settings: Partial<RedactionSettings> = {
    customPatterns: [
      { name: 'ticket', pattern: 'PRJ-[0-9]{4}', caseInsensitive: false },
      { name: 'broken', pattern: '(a+)+\\1', caseInsensitive: false },
    ],
    dictionaries: [
      {
        name: 'code names',
        terms: ['Blue Falcon', 'Blue Falcon Labs', 'Nightjar', '#redwing'],
        caseInsensitive: true,
      },
      { name: 'customers', terms: ['Globex'], caseInsensitive: false },
    ],
  };
  const rows: [name: string, text: string, expected: [string, string, string | undefined][]][] = [
    ['pattern match with its label', 'see PRJ-1234', [['CUSTOM', 'PRJ-1234', 'ticket']]],
    [
      'case-insensitive multi-word term',
      'project blue falcon ships',
      [['CUSTOM', 'blue falcon', 'code names']],
    ],
    ['whole words only', 'Nightjars and Nightjar', [['CUSTOM', 'Nightjar', 'code names']]],
    ['case-sensitive term', 'GLOBEX vs Globex', [['CUSTOM', 'Globex', 'customers']]],
    [
      'custom and built-in together',
      'Nightjar: a@example.com',
      [
        ['CUSTOM', 'Nightjar', 'code names'],
        ['EMAIL', 'a@example.com', undefined],
      ],
    ],
    ['an invalid pattern is skipped, not fatal', 'aaaa', []],
    ['longest term wins', 'Blue Falcon Labs ships', [['CUSTOM', 'Blue Falcon Labs', 'code names']]],
    ['term starting with punctuation', 'tag #REDWING now', [['CUSTOM', '#REDWING', 'code names']]],
    [
      'case-insensitive term in text whose lower case is longer',
      'İzmir: NIGHTJAR',
      [['CUSTOM', 'NIGHTJAR', 'code names']],
    ],
    ['term inside quotes', '"Nightjar" launched', [['CUSTOM', 'Nightjar', 'code names']]],
    [
      'term inside an e-mail leaves the whole address redacted',
      'mail ops@nightjar.io',
      [['EMAIL', 'ops@nightjar.io', undefined]],
    ],
  ];
  it.each(rows)('%s', (_name, text, expected) => {
    expect(findPii(text, settings).map((f) => [f.type, text.slice(f.start, f.end), f.label])).toEqual(
      expected,
    );
  });

  it('a catastrophic-backtracking pattern runs in linear time under RE2', () => {
    const text = 'a'.repeat(20000) + '!';
    const result = findPii(text, {
      customPatterns: [{ name: 'evil', pattern: '(a+)+$', caseInsensitive: false }],
    });
    expect(result).toEqual([]);
  });

  it('CUSTOM can be switched off with the types list', () => {
    expect(findPii('PRJ-1234', { ...settings, types: ['EMAIL'] })).toEqual([]);
  });
});

describe('validateRedactionSettings', () => {
  const rows: [name: string, settings: unknown, expected: { path: string; message: RegExp }[]][] = [
    ['defaults are valid', {}, []],
    ['valid pattern', { customPatterns: [{ name: 'ticket', pattern: 'PRJ-\\d{4}' }] }, []],
    [
      'backreference is not RE2',
      {
        customPatterns: [
          { name: 'ok', pattern: 'x' },
          { name: 'bad', pattern: '(a)\\1' },
        ],
      },
      [{ path: 'redaction.customPatterns[1].pattern', message: /not a valid RE2/ }],
    ],
    [
      'lookahead is not RE2',
      { customPatterns: [{ name: 'bad', pattern: 'foo(?=bar)' }] },
      [{ path: 'redaction.customPatterns[0].pattern', message: /not a valid RE2/ }],
    ],
    [
      'pattern matching the empty string',
      { customPatterns: [{ name: 'bad', pattern: 'a*' }] },
      [{ path: 'redaction.customPatterns[0].pattern', message: /empty string/ }],
    ],
    [
      'shape errors carry their path',
      { placeholders: 'stars' },
      [{ path: 'redaction.placeholders', message: /./ }],
    ],
  ];
  it.each(rows)('%s', (_name, settings, expected) => {
    const { valid, problems } = validateRedactionSettings(settings);
    expect(valid).toBe(expected.length === 0);
    expect(problems.map((p) => p.path)).toEqual(expected.map((e) => e.path));
    problems.forEach((p, i) => expect(p.message).toMatch(expected[i]!.message));
  });

  it('reports, per custom pattern, whether it compiles', () => {
    const result = validateRedactionSettings(
      {
        customPatterns: [
          { name: 'ok', pattern: 'PRJ-\\d{4}' },
          { name: 'bad', pattern: '(a)\\1' },
        ],
      },
      'policy.redaction',
    );
    expect(result.customPatterns).toEqual([
      { path: 'policy.redaction.customPatterns[0].pattern', name: 'ok', compiles: true },
      {
        path: 'policy.redaction.customPatterns[1].pattern',
        name: 'bad',
        compiles: false,
        error: expect.stringMatching(/invalid escape/),
      },
    ]);
  });
});
