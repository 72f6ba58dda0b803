import { describe, expect, it } from 'vitest';
import { decodeText, encodeText, sniffTextFile } from '../../../lib/guard/file-text';

const utf8 = (text: string) => new TextEncoder().encode(text);
const bytes = (...values: number[]) => new Uint8Array(values);

describe('sniffTextFile: text by content, not by name', () => {
  it.each<[string, Uint8Array, boolean, object | null]>([
    [
      'plain ASCII CSV',
      utf8('name,mail\nAnna,anna@example.com\r\n'),
      true,
      { encoding: 'utf-8', bom: false },
    ],
    ['UTF-8 with accents and emoji', utf8('Zoë, Łódź, 東京 ✓ 🙂\n'), true, { encoding: 'utf-8', bom: false }],
    ['UTF-8 with a byte-order mark', bytes(0xef, 0xbb, 0xbf, 0x61), true, { encoding: 'utf-8', bom: true }],
    ['UTF-16LE with its mark', bytes(0xff, 0xfe, 0x61, 0x00), true, { encoding: 'utf-16le', bom: true }],
    ['UTF-16BE with its mark', bytes(0xfe, 0xff, 0x00, 0x61), true, { encoding: 'utf-16be', bom: true }],
    [
      'a Windows-1252 export (é as 0xE9)',
      bytes(0x43, 0x61, 0x66, 0xe9, 0x0a),
      true,
      { encoding: 'windows-1252', bom: false },
    ],
    ['a PNG header', bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00), true, null],
    ['a PDF with binary streams', new Uint8Array([...utf8('%PDF-1.7\n'), 0x00, 0x01, 0x02]), true, null],
    ['control characters throughout', new Uint8Array(200).fill(0x01), true, null],
    [
      'a sample that ends inside a UTF-8 sequence is still UTF-8',
      utf8('aaaa é').subarray(0, 6),
      false,
      { encoding: 'utf-8', bom: false },
    ],
  ])('%s', (_name, input, complete, expected) => {
    expect(sniffTextFile(input, complete)).toEqual(expected);
  });
});

describe('decodeText and encodeText: a redacted copy in the original encoding', () => {
  it.each([
    ['utf-8', false, 'Anna, anna@example.com, Zoë'],
    ['utf-8', true, 'with mark'],
    ['utf-16le', true, 'Łódź ✓'],
    ['utf-16be', true, '東京'],
    ['windows-1252', false, 'Café — “quoted” €5'],
  ] as const)('%s (mark %s) round-trips', (encoding, bom, text) => {
    const file = { encoding, bom };
    const encoded = encodeText(text, file);
    expect(decodeText(encoded, file)).toBe(text);
    expect(sniffTextFile(encoded, true)).toEqual(file);
  });

  it('writes characters Windows-1252 lacks as "?"', () => {
    expect(Array.from(encodeText('a東', { encoding: 'windows-1252', bom: false }))).toEqual([0x61, 0x3f]);
  });
});
