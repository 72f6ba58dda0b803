import { describe, expect, it } from 'vitest';
import { shippedCatalog } from '../../../lib/catalog/shipped-catalog';
import { whatNext, whatNextSchema } from '../../../lib/interstitial/what-next';
import { compilePolicy } from '../../../lib/policy/compile-policy';
import { decideCompiled } from '../../../lib/policy/decide';
import { policySchema, type PolicyInput } from '../../../lib/policy/policy-schema';

const next = (input: Omit<PolicyInput, 'name' | 'version'>, url = 'https://chat.deepseek.com/') => {
  const compiled = compilePolicy(policySchema.parse({ name: 'p', version: '1', ...input }), shippedCatalog());
  return whatNext(compiled, decideCompiled(url, compiled));
};
const blockCn = { id: 'block-cn', match: { jurisdictions: ['CN'] }, action: 'block' as const };

describe('what next on a block or warn page', () => {
  it('links the approved alternatives by short name, skipping the blocked service itself', () => {
    expect(
      next({ rules: [blockCn], alternatives: ['openai-chatgpt', 'deepseek', 'microsoft-copilot'] })
        .alternatives,
    ).toEqual([
      {
        id: 'openai-chatgpt',
        name: 'ChatGPT',
        operator: expect.any(String),
        jurisdiction: 'US',
        url: 'https://chatgpt.com/',
      },
      {
        id: 'microsoft-copilot',
        name: 'Microsoft Copilot',
        operator: expect.any(String),
        jurisdiction: 'US',
        url: 'https://copilot.com/',
      },
    ]);
  });

  it('fills the request-access link with this service, host and rule', () => {
    const result = next({
      rules: [blockCn],
      requestAccess: {
        url: 'mailto:it@example.org?subject=Access%20to%20{serviceName}&body={host}%20{rule}%20{service}',
        contact: 'IT service desk, ext. 4321',
      },
    });
    expect(result.requestAccess).toBe(
      'mailto:it@example.org?subject=Access%20to%20DeepSeek&body=chat.deepseek.com%20block-cn%20deepseek',
    );
    expect(result.contact).toBe('IT service desk, ext. 4321');
  });

  it('names the host for an address outside the catalog that a host rule blocks', () => {
    const result = next(
      {
        rules: [{ id: 'intranet', match: { hosts: ['llm.intranet.example'] }, action: 'block' }],
        requestAccess: { url: 'https://it.example.org/new?what={serviceName}&service={service}' },
      },
      'https://llm.intranet.example/chat',
    );
    expect(result.requestAccess).toBe('https://it.example.org/new?what=llm.intranet.example&service=');
  });

  it('offers nothing the policy does not set up', () => {
    expect(next({ rules: [blockCn] })).toEqual({ alternatives: [], requestAccess: null, contact: null });
  });

  it.each([
    ['a javascript: link', { alternatives: [], requestAccess: 'javascript:alert(1)', contact: null }],
    ['a data: link', { alternatives: [], requestAccess: 'data:text/html,x', contact: null }],
    [
      'an alternative with an http: address',
      {
        alternatives: [{ id: 'x', name: 'X', operator: 'O', jurisdiction: 'US', url: 'http://x.example/' }],
        requestAccess: null,
        contact: null,
      },
    ],
  ])('its schema refuses %s where the page receives it', (_name, value) => {
    expect(whatNextSchema.safeParse(value).success).toBe(false);
  });

  it('its schema accepts what whatNext produces', () => {
    const result = next({
      rules: [blockCn],
      alternatives: ['openai-chatgpt'],
      requestAccess: { url: 'https://it.example.org/{service}', contact: 'IT' },
    });
    expect(whatNextSchema.parse(result)).toEqual(result);
  });
});
