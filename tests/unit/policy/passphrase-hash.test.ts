import { pbkdf2Sync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  formatPassphraseHash,
  hashPassphrase,
  parsePassphraseHash,
  verifyPassphrase,
} from '../../../lib/policy/passphrase-hash';

const salt = new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16]);

describe('hashPassphrase', () => {
  it('equals PBKDF2-HMAC-SHA256 as Node computes it, in the documented format', async () => {
    const value = await hashPassphrase('correct horse', { iterations: 1000, salt });
    const expected = pbkdf2Sync('correct horse', Buffer.from(salt), 1000, 32, 'sha256').toString('base64');
    expect(value).toBe(`pbkdf2-sha256$1000$${Buffer.from(salt).toString('base64')}$${expected}`);
  });

  it('uses a fresh random salt and 600,000 iterations by default', async () => {
    const [a, b] = [await hashPassphrase('x'), await hashPassphrase('x')];
    expect(a).not.toBe(b);
    expect(a.split('$')[1]).toBe('600000');
  });
});

describe('verifyPassphrase', () => {
  it('accepts the passphrase and refuses any other', async () => {
    const stored = await hashPassphrase('correct horse', { iterations: 100_000 });
    expect(await verifyPassphrase('correct horse', stored)).toBe(true);
    expect(await verifyPassphrase('correct horse ', stored)).toBe(false);
    expect(await verifyPassphrase('', stored)).toBe(false);
  });

  it('refuses everything against a malformed hash, or one with too few iterations', async () => {
    expect(await verifyPassphrase('anything', 'not a hash')).toBe(false);
    const weak = await hashPassphrase('correct horse', { iterations: 99_999 });
    expect(await verifyPassphrase('correct horse', weak)).toBe(false);
  });
});

describe('parsePassphraseHash', () => {
  it.each([
    ['another algorithm', 'sha1$1000$AQIDBAUGBwg=$AQIDBAUGBwgJCgsMDQ4PEA=='],
    ['too few iterations', 'pbkdf2-sha256$99999$AQIDBAUGBwg=$AQIDBAUGBwgJCgsMDQ4PEA=='],
    ['a short salt', 'pbkdf2-sha256$100000$AQID$AQIDBAUGBwgJCgsMDQ4PEA=='],
    ['a short hash', 'pbkdf2-sha256$100000$AQIDBAUGBwg=$AQID'],
    ['a missing part', 'pbkdf2-sha256$100000$AQIDBAUGBwg='],
    ['not base64', 'pbkdf2-sha256$100000$!!!$AQIDBAUGBwgJCgsMDQ4PEA=='],
  ])('refuses %s with a message', (_name, text) => {
    const result = parsePassphraseHash(text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(/\S/);
  });

  it('accepts 100,000 iterations and says how to replace a weaker hash', () => {
    const at = (n: number) => parsePassphraseHash(`pbkdf2-sha256$${n}$AQIDBAUGBwg=$AQIDBAUGBwgJCgsMDQ4PEA==`);
    expect(at(100_000)).toMatchObject({ ok: true, value: { iterations: 100_000 } });
    expect(at(99_999)).toEqual({
      ok: false,
      error:
        '99999 PBKDF2 iterations are too few (at least 100000): make a new hash with `npm run --silent cli -- admin hash-passphrase`',
    });
  });

  it('round-trips through formatPassphraseHash', async () => {
    const text = await hashPassphrase('p', { iterations: 100_000, salt });
    const parsed = parsePassphraseHash(text);
    expect(parsed.ok && formatPassphraseHash(parsed.value)).toBe(text);
  });
});
