import { describe, expect, it } from 'vitest';
import { translateProxyHost, translateProxyTarget } from '../../../lib/url/translate-proxy';

describe('translateProxyTarget', () => {
  it.each([
    ['a host', 'chat-deepseek-com.translate.goog', 'chat.deepseek.com'],
    ['a hyphen in the host', 'api--docs-deepseek-com.translate.goog', 'api-docs.deepseek.com'],
    ['a punycode label', 'xn----7sbbqd-xn----p1ai.translate.goog', 'xn--7sbbqd.xn--p1ai'],
    ['labels in front stay subdomains', 'a.b.chat-deepseek-com.translate.goog', 'a.b.chat.deepseek.com'],
  ])('decodes %s', (_name, host, target) => {
    expect(translateProxyTarget(host)).toBe(target);
  });

  it.each([
    ['not on translate.goog', 'chat-deepseek-com.example.org'],
    ['translate.goog itself', 'translate.goog'],
    ['a single label', 'www.translate.goog'],
    ['a look-alike suffix', 'chat-deepseek-com.translate.goog.evil.example'],
    ['a leading hyphen', '-deepseek-com.translate.goog'],
    ['a trailing hyphen', 'deepseek-com-.translate.goog'],
    ['three hyphens in a row', 'a---deepseek-com.translate.goog'],
    ['a label ending in a hyphen', 'a-b--.translate.goog'],
    ['a hyphenated single label', 'a--b.translate.goog'],
  ])('leaves %s alone', (_name, host) => {
    expect(translateProxyTarget(host)).toBeNull();
  });

  it('round-trips every spelling it makes', () => {
    for (const host of [
      'chat.deepseek.com',
      'api-docs.deepseek.com',
      'a.b-c.d--e.example',
      'xn--p1ai.xn--80a.ru',
    ])
      expect(translateProxyTarget(translateProxyHost(host)!)).toBe(host);
  });
});

describe('translateProxyHost', () => {
  it('spells a host the way the proxy does', () => {
    expect(translateProxyHost('chat.deepseek.com')).toBe('chat-deepseek-com.translate.goog');
    expect(translateProxyHost('api-docs.deepseek.com')).toBe('api--docs-deepseek-com.translate.goog');
  });

  it('has no spelling for a single label or one longer than a DNS label allows', () => {
    expect(translateProxyHost('localhost')).toBeNull();
    expect(translateProxyHost(`${'a'.repeat(30)}.${'b'.repeat(32)}.com`)).toBeNull();
    expect(translateProxyHost(`${'a'.repeat(30)}.${'b'.repeat(28)}.com`)).toHaveLength(
      63 + '.translate.goog'.length,
    );
  });
});
