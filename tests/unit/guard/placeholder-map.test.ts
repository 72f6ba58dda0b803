import { describe, expect, it } from 'vitest';
import {
  maxPlaceholderEntries,
  PlaceholderMap,
  placeholderEntriesSchema,
  type PlaceholderEntry,
} from '../../../lib/guard/placeholder-map';
import { withPlaceholders } from '../../../lib/guard/placeholder-text';
import { redactText } from '../../../lib/redact/redact';
import { findPii } from '../../../lib/redact/redact';

describe('PlaceholderMap: numbering for the tab', () => {
  it.each<[string, [type: 'EMAIL' | 'IBAN' | 'PHONE', value: string][], string[]]>([
    [
      'numbers per type in order of first appearance',
      [
        ['EMAIL', 'anna@example.com'],
        ['IBAN', 'DE89370400440532013000'],
        ['EMAIL', 'bob@example.com'],
      ],
      ['[EMAIL_1]', '[IBAN_1]', '[EMAIL_2]'],
    ],
    [
      'gives the same value the same number',
      [
        ['EMAIL', 'anna@example.com'],
        ['EMAIL', 'bob@example.com'],
        ['EMAIL', 'anna@example.com'],
      ],
      ['[EMAIL_1]', '[EMAIL_2]', '[EMAIL_1]'],
    ],
    [
      'shares a number between spellings that normalise alike (a zero-width space in the address)',
      [
        ['EMAIL', 'a@b.com'],
        ['EMAIL', 'a\u200b@b.com'],
      ],
      ['[EMAIL_1]', '[EMAIL_1]'],
    ],
    [
      'keeps types apart even for the same characters',
      [
        ['PHONE', '+49 30 1234567'],
        ['IBAN', '+49 30 1234567'],
      ],
      ['[PHONE_1]', '[IBAN_1]'],
    ],
  ])('%s', (_name, values, expected) => {
    const map = new PlaceholderMap();
    expect(values.map(([type, value]) => map.placeholder('numbered', type, value))).toEqual(expected);
  });

  it('keeps numbering across inputs of the conversation: the second paste reuses the first one’s numbers', () => {
    const map = new PlaceholderMap();
    const first = 'Draft a reply to anna.berg@example.com about IBAN DE89370400440532013000';
    const second = 'Also cc bob@example.com and anna.berg@example.com';
    expect(withPlaceholders(first, findPii(first), map.writer('numbered'))).toBe(
      'Draft a reply to [EMAIL_1] about IBAN [IBAN_1]',
    );
    expect(withPlaceholders(second, findPii(second), map.writer('numbered'))).toBe(
      'Also cc [EMAIL_2] and [EMAIL_1]',
    );
  });

  it('writes what the engine writes for one text (one numbering rule)', () => {
    const text = 'a@example.com, b@example.com, a\u200b@example.com, +49 30 12345678, DE89370400440532013000';
    expect(withPlaceholders(text, findPii(text), new PlaceholderMap().writer('numbered'))).toBe(
      redactText(text, { placeholders: 'numbered' }).text,
    );
  });

  it('typed placeholders number nothing and restore nothing', () => {
    const map = new PlaceholderMap();
    expect(map.placeholder('typed', 'EMAIL', 'a@b.com')).toBe('[EMAIL]');
    expect(map.size).toBe(0);
    expect(map.original('[EMAIL]')).toBeUndefined();
  });

  it('knows the original of each placeholder it wrote (the first spelling), and nothing else', () => {
    const map = new PlaceholderMap();
    map.placeholder('numbered', 'EMAIL', 'a@b.com');
    map.placeholder('numbered', 'EMAIL', 'a\u200b@b.com');
    expect(map.original('[EMAIL_1]')).toBe('a@b.com');
    expect(map.original('[EMAIL_7]')).toBeUndefined();
    expect(map.original('[EMAIL]')).toBeUndefined();
  });
});

describe('PlaceholderMap: what it hands on for keeping, and takes back', () => {
  it('tells listeners once per flush what was numbered since, never what was known already', () => {
    const map = new PlaceholderMap();
    const told: PlaceholderEntry[][] = [];
    map.onAdded((entries) => told.push([...entries]));
    map.placeholder('numbered', 'EMAIL', 'a@b.com');
    map.placeholder('numbered', 'EMAIL', 'a@b.com');
    map.placeholder('numbered', 'IBAN', 'DE89370400440532013000');
    map.flush();
    map.placeholder('numbered', 'EMAIL', 'a@b.com');
    map.flush();
    expect(told).toEqual([
      [
        { type: 'EMAIL', n: 1, original: 'a@b.com' },
        { type: 'IBAN', n: 1, original: 'DE89370400440532013000' },
      ],
    ]);
  });

  it('continues a loaded map: known values keep their number, new ones get the next', () => {
    const map = new PlaceholderMap();
    map.load([
      { type: 'EMAIL', n: 1, original: 'anna@example.com' },
      { type: 'EMAIL', n: 2, original: 'bob@example.com' },
    ]);
    expect(map.placeholder('numbered', 'EMAIL', 'bob@example.com')).toBe('[EMAIL_2]');
    expect(map.placeholder('numbered', 'EMAIL', 'carl@example.com')).toBe('[EMAIL_3]');
    expect(map.original('[EMAIL_1]')).toBe('anna@example.com');
    expect(map.entries()).toEqual([
      { type: 'EMAIL', n: 1, original: 'anna@example.com' },
      { type: 'EMAIL', n: 2, original: 'bob@example.com' },
      { type: 'EMAIL', n: 3, original: 'carl@example.com' },
    ]);
  });

  it('does not let a loaded value take a placeholder this page already gave another value', () => {
    const map = new PlaceholderMap();
    map.placeholder('numbered', 'EMAIL', 'new@example.com');
    map.load([{ type: 'EMAIL', n: 1, original: 'old@example.com' }]);
    expect(map.original('[EMAIL_1]')).toBe('new@example.com');
  });

  it('stops remembering originals at its limit but keeps numbering', () => {
    const map = new PlaceholderMap();
    for (let i = 0; i < maxPlaceholderEntries + 5; i++)
      map.placeholder('numbered', 'EMAIL', `u${i}@example.com`);
    expect(map.size).toBe(maxPlaceholderEntries);
    expect(map.placeholder('numbered', 'EMAIL', 'last@example.com')).toBe(
      `[EMAIL_${maxPlaceholderEntries + 6}]`,
    );
    expect(map.original(`[EMAIL_${maxPlaceholderEntries + 6}]`)).toBeUndefined();
    expect(placeholderEntriesSchema.safeParse(map.entries()).success).toBe(true);
  });

  it('forgets everything when cleared', () => {
    const map = new PlaceholderMap();
    map.placeholder('numbered', 'EMAIL', 'a@b.com');
    map.clear();
    expect(map.original('[EMAIL_1]')).toBeUndefined();
    expect(map.placeholder('numbered', 'EMAIL', 'c@d.com')).toBe('[EMAIL_1]');
  });
});
