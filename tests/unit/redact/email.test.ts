// The e-mail detector's edges, one row per behaviour: which characters belong to the local part, where the
// address starts and ends, URL credentials and forge logins, spaced and spelled-out forms.
import { describe, expect, it } from 'vitest';
import { findPii } from '../../../lib/redact/redact';

function emails(text: string): string[] {
  return findPii(text, { types: ['EMAIL'] }).map((f) => text.slice(f.start, f.end));
}

describe('local part characters', () => {
  // 'a' + character + 'b@example.com': the character either belongs to the local part or ends it.
  const inside = ['a', 'z', 'A', 'Z', '0', '9', '.', '_', '%', '+', '-', "'", 'À', 'é', 'ɏ'];
  const outside = ['`', '{', '@', '[', '/', ':', '^', '@', '¿', 'ɐ', '!', ',', '(', '\u0400'];
  it.each(inside)('%s belongs to it', (c) => {
    const text = `a${c}b@example.com`;
    expect(emails(`x ${text}`)).toEqual([text]);
  });
  it.each(outside)('%s ends it', (c) => {
    expect(emails(`x a${c}b@example.com`)).toEqual(['b@example.com']);
  });
});

const rows: [name: string, text: string, expected: string[]][] = [
  [
    'a local part longer than 64 characters is cut to its last 64',
    `${'a'.repeat(70)}@example.com`,
    [`${'a'.repeat(64)}@example.com`],
  ],
  ['leading dot, hyphen or quote is not part of the address', "'-.jo@example.com'", ['jo@example.com']],
  ['a dot right before @ is no address', 'jo.@example.com', []],
  ['@ without a local part is no address', '(@example.com)', []],
  ['only dots before @ is no address', '(...@example.com)', []],
  ['a git SSH remote after other text', 'remote: git@github.com:org/repo.git', []],
  ['a mailbox named github is an address', 'mail github@example.com', ['github@example.com']],
  [
    'a URL elsewhere in the text does not hide an address',
    'docs at https://x.org/help or mail jo@example.com',
    ['jo@example.com'],
  ],
  ['URL credentials are not an address', 'ftp://bob:Xk9mQ2vL@files.example.com/x', []],
  [
    'a scheme further back than 140 characters',
    `https://${'u'.repeat(150)}:pw@example.com`,
    ['pw@example.com'],
  ],
  ['space before @ only', 'write john @example.com', ['john @example.com']],
  ['space after @ only', 'write john@ example.com', ['john@ example.com']],
  ['spaced, no space before the dot', 'write john @ example.com', ['john @ example.com']],
  ['spaced with a dotted subdomain', 'write john @ mail.example.co.uk', ['john @ mail.example.co.uk']],
  ['spaced address before a full stop', 'write to john @ example.com.', ['john @ example.com']],
  ['spaced @ without a local part', 'cc: , @ example.com', []],
  ['spaced address with an uncommon top-level domain', 'x @ weights.mean', []],
  ['spelled "at" needs a spelled dot', 'meet me at example.com', []],
  ['spelled "at" with a capitalised spelled dot', 'jane at example DOT com', ['jane at example DOT com']],
  ['bracketed at without a local part', '[at] example [dot] com', []],
  ['arroba needs no spelled dot', 'ana arroba correo.es', ['ana arroba correo.es']],
];

describe('addresses', () => {
  it.each(rows)('%s', (_name, text, expected) => {
    expect(emails(text)).toEqual(expected);
  });

  it.each(['png', 'jpg', 'jpeg', 'gif', 'svg', 'webp', 'ico', 'js', 'ts', 'css', 'map', 'json'])(
    'an asset named like icon@2x.%s is no address',
    (extension) => {
      expect(emails(`<img src="icon@2x.${extension}">`)).toEqual([]);
    },
  );
});
