import { describe, expect, it } from 'vitest';
import { checkPolicy } from '../../../lib/policy/check-policy';
import { shippedCatalog } from '../../../lib/catalog/shipped-catalog';
import {
  isAllowedLink,
  requestAccessHref,
  requestAccessSchema,
  requestAccessTemplateProblem,
} from '../../../lib/policy/request-access';

const values = {
  service: 'deepseek',
  serviceName: 'DeepSeek & friends',
  host: 'chat.deepseek.com',
  rule: 'block-cn',
};

describe('request-access links', () => {
  it.each([
    [
      'a ticket form',
      'https://tickets.example.org/new?service={service}&host={host}',
      'https://tickets.example.org/new?service=deepseek&host=chat.deepseek.com',
    ],
    [
      'an e-mail with every value encoded',
      'mailto:it@example.org?subject=Access%20to%20{serviceName}&body=Rule%20{rule}%20on%20{host}',
      'mailto:it@example.org?subject=Access%20to%20DeepSeek%20%26%20friends&body=Rule%20block-cn%20on%20chat.deepseek.com',
    ],
    ['no placeholders at all', 'https://it.example.org/ai-access', 'https://it.example.org/ai-access'],
    ['an upper-case scheme', 'HTTPS://it.example.org/{service}', 'HTTPS://it.example.org/deepseek'],
  ])('fills %s', (_name, template, expected) => {
    expect(requestAccessTemplateProblem(template)).toBeNull();
    expect(requestAccessHref(template, values)).toBe(expected);
  });

  it('keeps a hostile value inside its parameter', () => {
    const href = requestAccessHref('https://it.example.org/new?host={host}&x=1', {
      ...values,
      host: 'a.example/&x=2#frag',
    });
    expect(href).toBe('https://it.example.org/new?host=a.example%2F%26x%3D2%23frag&x=1');
    expect(new URL(href!).searchParams.getAll('x')).toEqual(['1']);
  });

  it.each([
    ['javascript:alert(1)//{host}', /https: or mailto:/],
    ['data:text/html,<script>alert(1)</script>', /https: or mailto:/],
    ['http://tickets.example.org/{host}', /https: or mailto:/],
    ['file:///etc/passwd', /https: or mailto:/],
    ['{host}', /https: or mailto:/],
    [' https://it.example.org/', /https: or mailto:/],
    ['https://it.example.org/{user}', /unknown placeholder \{user\}/],
    ['https://it.example.org/{}', /unknown placeholder \{\}/],
    ['https://', /not a valid address/],
  ])('refuses %s', (template, problem) => {
    expect(requestAccessTemplateProblem(template)).toMatch(problem);
    expect(requestAccessHref(template, values)).toBeNull();
  });

  it('names the placeholders there are when one is unknown', () => {
    expect(requestAccessTemplateProblem('https://it.example.org/{user}')).toBe(
      'unknown placeholder {user}: use {service}, {serviceName}, {host}, {rule}',
    );
  });

  it('fills a host placeholder in the host itself', () => {
    expect(requestAccessHref('https://{service}.tickets.example.org/', values)).toBe(
      'https://deepseek.tickets.example.org/',
    );
  });

  it.each([
    ['https://it.example.org/x', true],
    ['MAILTO:it@example.org', true],
    [' https://it.example.org/x', false],
    ['\thttps://it.example.org/x', false],
    ['http://it.example.org/x', false],
    ['javascript:alert(1)//https://x', false],
    ['https://', false],
  ])('a page renders %j as a link: %s', (href, allowed) => {
    expect(isAllowedLink(href)).toBe(allowed);
  });

  it('needs a url, a contact, or both', () => {
    const none = requestAccessSchema.safeParse({});
    expect(none.success).toBe(false);
    expect(none.error?.issues[0]?.message).toBe('give a url, a contact, or both');
    expect(requestAccessSchema.safeParse({ contact: 'IT service desk, ext. 4321' }).success).toBe(true);
  });

  it('policy check names the JSON path of a bad template', () => {
    const result = checkPolicy(
      { name: 'p', version: '1', requestAccess: { url: 'javascript:alert(1)' } },
      shippedCatalog(),
    );
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems.map((p) => p.path)).toEqual(['requestAccess.url']);
  });
});
