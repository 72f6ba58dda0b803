import { RE2JS } from 're2js';
import { describe, expect, it } from 'vitest';
import { hostPatternSuffix, suffixRegex, urlPatternRegex } from '../../../lib/policy/dnr-regex';

const matches = (regex: string, url: string) => RE2JS.compile(regex, RE2JS.CASE_INSENSITIVE).matches(url);

describe('hostPatternSuffix', () => {
  it.each([
    ['an escaped literal tail', '^bedrock(-runtime)?\\.[a-z0-9-]+\\.amazonaws\\.com$', '.amazonaws.com'],
    ['no end anchor', 'x\\.[a-z]+\\.example\\.org', '.example.org'],
    ['an alternative inside a group', '(a|b)\\.com', '.com'],
    ['a "|" inside a class', '[|]x\\.com', 'x.com'],
    ['a "]" first in a class', '[]|]x\\.com', 'x.com'],
    ['a "]" first in a negated class', '[^]|]x\\.com', 'x.com'],
    ['an escaped hyphen', 'foo\\-bar', 'foo-bar'],
    ['a letter after an optional one', 'ab?c', 'c'],
  ])('reads %s', (_name, pattern, suffix) => {
    expect(hostPatternSuffix(pattern)).toBe(suffix);
  });

  it.each([
    ['an alternative at the top level', 'a\\.com|b\\.com'],
    ['an escaped "|"', 'a\\|b|c\\.com'],
    ['a quantifier at the end', 'abc+'],
    ['a class escape at the end', 'host\\d'],
    ['a class at the end', '[a-z]+'],
    ['an escaped dollar', 'foo\\.com\\$'],
    ['any character', '.*'],
    ['an unclosed class', 'a[bc'],
  ])('knows nothing from %s', (_name, pattern) => {
    expect(hostPatternSuffix(pattern)).toBeNull();
  });
});

describe('translate-proxy spellings of catalog regexes', () => {
  it('match the host, a host below it and a longer label, and no other host', () => {
    const regex = urlPatternRegex('github.com', '/copilot', false, 'translate-proxy');
    for (const host of ['github-com', 'gist-github-com', 'a.gist-github-com', 'x--y-github-com'])
      expect({ host, ok: matches(regex, `https://${host}.translate.goog/copilot`) }).toEqual({
        host,
        ok: true,
      });
    // "x--github-com" is x-github.com, another host.
    for (const host of ['notgithub-com', 'x--github-com', 'github-com-x'])
      expect({ host, ok: matches(regex, `https://${host}.translate.goog/copilot`) }).toEqual({
        host,
        ok: false,
      });
    expect(matches(regex, 'https://github-com.translate.goog/copilotx')).toBe(false);
  });

  it('for "*.host/path", match only hosts below it', () => {
    const regex = urlPatternRegex('console.aws.amazon.com', '/bedrock', true, 'translate-proxy');
    expect(matches(regex, 'https://eu-console-aws-amazon-com.translate.goog/bedrock')).toBe(true);
    expect(matches(regex, 'https://eu.console-aws-amazon-com.translate.goog/bedrock')).toBe(true);
    expect(matches(regex, 'https://console-aws-amazon-com.translate.goog/bedrock')).toBe(false);
  });

  it('for a host suffix, match longer labels only after a letter or digit', () => {
    const regex = suffixRegex('-aiplatform.googleapis.com', 'translate-proxy');
    expect(matches(regex, 'https://us--central1--aiplatform-googleapis-com.translate.goog/v1')).toBe(true);
    expect(matches(regex, 'https://x.us--central1--aiplatform-googleapis-com.translate.goog/')).toBe(true);
    expect(matches(regex, 'https://--aiplatform-googleapis-com.translate.goog/')).toBe(false);
    expect(matches(regex, 'https://us--central1--aiplatform-googleapis-com.example/')).toBe(false);
  });
});
