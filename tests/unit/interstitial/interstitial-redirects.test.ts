import { describe, expect, it } from 'vitest';
import {
  noteRedirect,
  redirectLifetimeMs,
  takeRedirect,
  type InterstitialRedirects,
} from '../../../lib/interstitial/interstitial-redirects';

const at = 1_000_000;
const noted = (page: 'blocked' | 'warn', url: string, tabId = 3, when = at): InterstitialRedirects =>
  noteRedirect({}, tabId, { page, url, at: when });

describe('interstitial redirects', () => {
  it.each([
    ['the same URL', 'warn', 'https://chat.deepseek.com/a?b=1', true],
    ['the URL as the page re-escaped it', 'warn', 'https://chat.deepseek.com/a?b=%31', true],
    ['another page of the same host', 'warn', 'https://chat.deepseek.com/other', true],
    ['the other interstitial', 'blocked', 'https://chat.deepseek.com/a?b=1', false],
    ['another host', 'warn', 'https://kimi.moonshot.cn/', false],
    ['a look-alike host', 'warn', 'https://chat.deepseek.com.evil.example/', false],
    ['no URL at all', 'warn', 'javascript:alert(1)', false],
  ] as const)('matches %s: %s', (_name, page, url, matches) => {
    const { taken } = takeRedirect(noted('warn', 'https://chat.deepseek.com/a?b=1'), 3, page, url, at);
    expect(taken !== null).toBe(matches);
  });

  it('is taken once, by its own tab only', () => {
    const redirects = noted('blocked', 'https://chat.deepseek.com/');
    expect(takeRedirect(redirects, 4, 'blocked', 'https://chat.deepseek.com/', at).taken).toBeNull();
    const first = takeRedirect(redirects, 3, 'blocked', 'https://chat.deepseek.com/', at);
    expect(first.taken?.url).toBe('https://chat.deepseek.com/');
    expect(first.rest).toEqual({});
    expect(takeRedirect(first.rest, 3, 'blocked', 'https://chat.deepseek.com/', at).taken).toBeNull();
  });

  it('expires a redirect whose page never loaded, and keeps at most 8 per tab', () => {
    const old = noted('blocked', 'https://chat.deepseek.com/', 3, at - redirectLifetimeMs - 1);
    expect(takeRedirect(old, 3, 'blocked', 'https://chat.deepseek.com/', at).taken).toBeNull();
    let many: InterstitialRedirects = {};
    for (let i = 0; i < 20; i++)
      many = noteRedirect(many, 3, { page: 'blocked', url: `https://h${i}.example/`, at: at + i });
    expect(many[3]!.map((r) => r.url)).toEqual(
      Array.from({ length: 8 }, (_, i) => `https://h${i + 12}.example/`),
    );
  });
});
