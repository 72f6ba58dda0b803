import { describe, expect, it } from 'vitest';
import { createLogEvent } from '../../../lib/log/event-schema';
import { applyLoggingPrivacy, bareHost } from '../../../lib/log/logging-privacy';
import { stripPromptParameters } from '../../../lib/log/prompt-parameters';

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

  it('keeps the URL without its prompt parameters when the policy allows full URLs', () => {
    const kept = applyLoggingPrivacy(event, { fullUrls: true });
    expect(kept.url).toBe('https://chat.deepseek.com/a/b');
    expect(kept.host).toBe('chat.deepseek.com');
    expect(JSON.stringify(kept)).not.toContain('secret');
  });

  it('keeps the prompt parameters too when the policy says so', () => {
    const kept = applyLoggingPrivacy(event, { fullUrls: true, keepPromptParameters: true });
    expect(kept.url).toBe('https://chat.deepseek.com/a/b?q=secret');
  });
});

describe('stripPromptParameters', () => {
  it.each([
    ['ChatGPT', 'https://chatgpt.com/?q=my+salary+is+90k&model=gpt-4o', 'https://chatgpt.com/?model=gpt-4o'],
    ['Claude', 'https://claude.ai/new?q=draft%20a%20letter', 'https://claude.ai/new'],
    [
      'Perplexity',
      'https://www.perplexity.ai/search?q=x&focus=internet',
      'https://www.perplexity.ai/search?focus=internet',
    ],
    ['DuckDuckGo AI chat', 'https://duckduckgo.com/?q=hello&ia=chat', 'https://duckduckgo.com/?ia=chat'],
    ['HuggingChat', 'https://huggingface.co/chat/?prompt=summarise+this', 'https://huggingface.co/chat/'],
    [
      'every listed name',
      'https://x.example/?query=1&text=2&message=3&msg=4&input=5&question=6&ask=7&search=8&keep=9',
      'https://x.example/?keep=9',
    ],
    ['a name in another case', 'https://x.example/?Q=1&PROMPT=2&a=3', 'https://x.example/?a=3'],
    ['a %-encoded name', 'https://x.example/?%71=1&a=2', 'https://x.example/?a=2'],
    ['a name without a value', 'https://x.example/?q&a=2', 'https://x.example/?a=2'],
    ['a malformed escape', 'https://x.example/?%zz=1&q=2', 'https://x.example/?%zz=1'],
    ['a query-like fragment', 'https://x.example/p?a=1#q=secret&tab=2', 'https://x.example/p?a=1#tab=2'],
    ['a plain fragment', 'https://x.example/p#section', 'https://x.example/p#section'],
    ['no query', 'https://x.example/c/abc', 'https://x.example/c/abc'],
    ['a "?" in the fragment', 'https://x.example/p#a?q=1', 'https://x.example/p#a?q=1'],
    ['similar names', 'https://x.example/?qq=1&queries=2&q2=3', 'https://x.example/?qq=1&queries=2&q2=3'],
  ])('%s', (_name, url, stripped) => {
    expect(stripPromptParameters(url)).toBe(stripped);
  });
});
