import { describe, expect, it } from 'vitest';
import { createLogEvent } from '../../../lib/log/event-schema';
import { applyLoggingPrivacy, bareHost } from '../../../lib/log/logging-privacy';

describe('bareHost', () => {
  it.each([
    ['a host stays', 'chat.deepseek.com', 'chat.deepseek.com'],
    ['a path goes', 'chatgpt.com/c/abc', 'chatgpt.com'],
    ['a query goes', 'chatgpt.com?q=alice@example.com', 'chatgpt.com'],
    ['a fragment goes', 'chatgpt.com#x', 'chatgpt.com'],
    ['a whole URL becomes its host', 'https://user:pw@Chat.Example.com/p?q=1', 'chat.example.com'],
  ])('%s', (_name, input, expected) => {
    expect(bareHost(input)).toBe(expected);
  });
});

describe('applyLoggingPrivacy', () => {
  const event = createLogEvent(
    {
      kind: 'blocked',
      host: 'chat.deepseek.com/a/b?q=secret',
      url: 'https://chat.deepseek.com/a/b?q=secret',
    },
    'id-privacy-01',
    1,
  );

  it('keeps only the host unless full URLs are allowed', () => {
    const kept = applyLoggingPrivacy(event, { fullUrls: false });
    expect(kept.host).toBe('chat.deepseek.com');
    expect(kept).not.toHaveProperty('url');
    expect(JSON.stringify(kept)).not.toContain('secret');
  });

  it('keeps the URL when the policy allows full URLs', () => {
    const kept = applyLoggingPrivacy(event, { fullUrls: true });
    expect(kept.url).toBe('https://chat.deepseek.com/a/b?q=secret');
    expect(kept.host).toBe('chat.deepseek.com');
  });
});
