import { describe, expect, it } from 'vitest';
import { checkEndpointUrl, endpointOriginPattern } from '../../../lib/policy/forwarding-endpoint';
import { forwardingSettingsSchema } from '../../../lib/policy/forwarding-settings';
import { defaultPolicy } from '../../../lib/policy/default-policy';
import { policySchema } from '../../../lib/policy/policy-schema';

describe('checkEndpointUrl', () => {
  it.each([
    ['https anywhere', 'https://collector.example/v1/logs', true],
    ['http on 127.0.0.1', 'http://127.0.0.1:4318/v1/logs', true],
    ['http on another 127/8 address', 'http://127.3.2.1/v1/logs', true],
    ['http on [::1]', 'http://[::1]:4318/v1/logs', true],
    ['http on localhost', 'http://localhost:4318/v1/logs', true],
    ['http elsewhere', 'http://collector.example/v1/logs', false],
    ['http on a host that only starts with 127', 'http://127.0.0.1.evil.example/v1/logs', false],
    ['a relative URL', '/v1/logs', false],
    ['credentials in the URL', 'https://user:secret@collector.example/v1/logs', false],
    ['another scheme', 'ftp://collector.example/logs', false],
  ])('%s', (_name, url, ok) => {
    expect(checkEndpointUrl(url).ok).toBe(ok);
  });

  it('reports loopback endpoints and the origin pattern they need', () => {
    const check = checkEndpointUrl('http://127.0.0.1:4318/v1/logs');
    expect(check).toMatchObject({ ok: true, loopback: true });
    if (check.ok) expect(endpointOriginPattern(check.url)).toBe('http://127.0.0.1/*');
  });
});

describe('forwardingSettingsSchema', () => {
  it('fills minimising defaults: hosts only, no justifications, no user label', () => {
    const settings = forwardingSettingsSchema.parse({ endpoint: 'https://collector.example/v1/logs' });
    expect(settings).toMatchObject({
      enabled: true,
      headers: {},
      batchSize: 100,
      intervalSeconds: 60,
      fields: { urls: false, justifications: false, userLabel: false },
    });
  });

  it.each([
    ['a plain http endpoint', { endpoint: 'http://collector.example/v1/logs' }, ['endpoint']],
    [
      'a sub-30 s interval to a remote endpoint',
      { endpoint: 'https://c.example/v1/logs', intervalSeconds: 5 },
      ['intervalSeconds'],
    ],
    [
      'a reserved header',
      { endpoint: 'https://c.example/v1/logs', headers: { 'Content-Type': 'text/plain' } },
      ['headers', 'Content-Type'],
    ],
    [
      'a header name with a space',
      { endpoint: 'https://c.example/v1/logs', headers: { 'X Key': 'v' } },
      ['headers', 'X Key'],
    ],
    ['a zero batch', { endpoint: 'https://c.example/v1/logs', batchSize: 0 }, ['batchSize']],
  ])('rejects %s, naming the path', (_name, input, path) => {
    const result = forwardingSettingsSchema.safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.path)).toContainEqual(path);
  });

  it('allows a short interval for a loopback test receiver', () => {
    const settings = forwardingSettingsSchema.parse({
      endpoint: 'http://127.0.0.1:9/v1/logs',
      intervalSeconds: 1,
    });
    expect(settings.intervalSeconds).toBe(1);
  });

  it('is optional in the policy bundle and validated there', () => {
    expect(defaultPolicy().forwarding).toBeUndefined();
    const base = { name: 'p', version: '1' };
    expect(
      policySchema.safeParse({ ...base, forwarding: { endpoint: 'https://c.example/v1/logs' } }).success,
    ).toBe(true);
    const bad = policySchema.safeParse({ ...base, forwarding: { endpoint: 'http://c.example/v1/logs' } });
    expect(bad.error?.issues[0]?.path).toEqual(['forwarding', 'endpoint']);
  });
});
