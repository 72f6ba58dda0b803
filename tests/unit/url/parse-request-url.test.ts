import { describe, expect, it } from 'vitest';
import { normalisePath, parseRequestUrl } from '../../../lib/url/parse-request-url';

describe('parseRequestUrl follows the WHATWG parser', () => {
  it.each([
    ['plain https', 'https://chat.deepseek.com/', 'chat.deepseek.com', '/'],
    ['upper case host', 'https://CHAT.DeepSeek.COM/a', 'chat.deepseek.com', '/a'],
    ['trailing dot', 'https://chat.deepseek.com./', 'chat.deepseek.com', '/'],
    ['several trailing dots', 'https://chat.deepseek.com../', 'chat.deepseek.com', '/'],
    ['explicit default port', 'https://chat.deepseek.com:443/', 'chat.deepseek.com', '/'],
    ['other port', 'http://chat.deepseek.com:8080/x?y=1', 'chat.deepseek.com', '/x?y=1'],
    ['userinfo is not the host', 'https://user:pw@chat.deepseek.com/', 'chat.deepseek.com', '/'],
    ['host after @ wins', 'https://chat.deepseek.com@example.com/', 'example.com', '/'],
    [
      'backslash ends the authority',
      'https://evil.example\\@chat.deepseek.com/',
      'evil.example',
      '/@chat.deepseek.com/',
    ],
    ['ideographic full stops', 'https://chat\u3002deepseek\u3002com/', 'chat.deepseek.com', '/'],
    ['full-width letters', 'https://\uff43\uff48\uff41\uff54.deepseek.com/', 'chat.deepseek.com', '/'],
    ['percent-encoded dot in the host', 'https://chat%2edeepseek.com/', 'chat.deepseek.com', '/'],
    ['unicode host becomes punycode', 'https://bücher.example/', 'xn--bcher-kva.example', '/'],
    ['websocket', 'wss://chat.deepseek.com/ws', 'chat.deepseek.com', '/ws'],
    ['insecure websocket', 'ws://chat.deepseek.com:80/ws', 'chat.deepseek.com', '/ws'],
    ['percent-encoded path letters', 'https://github.com/%63opilot', 'github.com', '/copilot'],
    ['fragment ignored', 'https://github.com/copilot#x', 'github.com', '/copilot'],
    ['surrounding whitespace trimmed', '  https://chat.deepseek.com/  ', 'chat.deepseek.com', '/'],
  ])('%s', (_name, input, host, path) => {
    expect(parseRequestUrl(input)).toMatchObject({ host, path });
  });

  it.each([
    ['ftp scheme', 'ftp://chat.deepseek.com/'],
    ['data URL', 'data:text/html,hi'],
    ['javascript URL', 'javascript:alert(1)'],
    ['extension page', 'chrome-extension://abc/page.html'],
    ['bare host without scheme', 'chat.deepseek.com'],
    ['garbage', 'http://'],
    ['empty', ''],
    ['invalid punycode', 'https://xn--chat-deepseek.com/'],
    ['huge input', 'https://a.example/' + 'x'.repeat(70_000)],
  ])('%s is not a request URL', (_name, input) => {
    expect(parseRequestUrl(input)).toBeNull();
  });

  it('survives non-string input from untrusted callers', () => {
    expect(parseRequestUrl(undefined as unknown as string)).toBeNull();
    expect(parseRequestUrl({} as unknown as string)).toBeNull();
  });
});

describe('normalisePath', () => {
  it('decodes only unreserved escapes and lower-cases', () => {
    expect(normalisePath('/%43o%2Fpilot%7e')).toBe('/co%2fpilot~');
  });
});
