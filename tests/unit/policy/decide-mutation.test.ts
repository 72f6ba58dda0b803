// Tests that pin down what decide() returns in full, found by mutation testing (lib/policy/decide.ts).
import { describe, expect, it } from 'vitest';
import { shippedCatalog } from '../../../lib/catalog/shipped-catalog';
import { decide } from '../../../lib/policy/decide';
import { policySchema, type PolicyInput } from '../../../lib/policy/policy-schema';

const catalog = shippedCatalog();
type RuleMatch = NonNullable<PolicyInput['rules']>[number]['match'];
const policy = (input: Omit<PolicyInput, 'name' | 'version'>) =>
  policySchema.parse({ name: 'test', version: '1', ...input });

describe('decide() in full', () => {
  it('returns an inert decision for a host that is neither a service nor named by a rule', () => {
    const p = policy({ rules: [{ id: 'own', match: { hosts: ['llm.internal.example'] }, action: 'block' }] });
    expect(decide('https://www.example.org/', p, catalog)).toEqual({
      action: 'none',
      service: null,
      jurisdiction: null,
      rule: null,
      reason: '"www.example.org" is not an AI service in the catalog',
      host: 'www.example.org',
      match: null,
      enforced: false,
      options: null,
    });
    expect(decide('ftp://chat.deepseek.com/', p, catalog)).toMatchObject({ host: null, enforced: false });
  });

  it('takes the guard settings of the rule where it has them, else the policy defaults', () => {
    const p = policy({
      paste: { mode: 'warn' },
      send: { mode: 'block' },
      uploads: { mode: 'allow' },
      rules: [
        {
          id: 'own-guards',
          match: { services: ['deepseek'] },
          action: 'allow',
          paste: { mode: 'block' },
          send: { mode: 'warn' },
          uploads: { mode: 'block' },
        },
        { id: 'defaults', match: { services: ['openai-chatgpt'] }, action: 'allow' },
      ],
    });
    expect(decide('https://chat.deepseek.com/', p, catalog).options).toMatchObject({
      paste: { mode: 'block' },
      send: { mode: 'warn' },
      uploads: { mode: 'block' },
    });
    expect(decide('https://chatgpt.com/', p, catalog).options).toMatchObject({
      paste: { mode: 'warn' },
      send: { mode: 'block' },
      uploads: { mode: 'allow' },
    });
  });

  it.each<[string, RuleMatch]>([
    ['jurisdictions', { jurisdictions: ['US'] }],
    ['parentCountries', { parentCountries: ['US'] }],
    ['categories', { categories: ['chat'] }],
    ['confidence', { confidence: ['high'] }],
  ])('does not apply a hosts rule that also needs %s to a host outside the catalog', (_n, extra) => {
    const p = policy({
      rules: [{ id: 'own', match: { hosts: ['llm.internal.example'], ...extra }, action: 'block' }],
    });
    expect(decide('https://llm.internal.example/', p, catalog)).toMatchObject({ action: 'none', rule: null });
  });

  it('applies a hosts rule to a catalog service only on the hosts it names', () => {
    const p = policy({
      rules: [{ id: 'ds-api', match: { hosts: ['api.deepseek.com'] }, action: 'warn' }],
      fallback: { action: 'allow' },
    });
    expect(decide('https://api.deepseek.com/', p, catalog)).toMatchObject({ action: 'warn', rule: 'ds-api' });
    expect(decide('https://chat.deepseek.com/', p, catalog)).toMatchObject({
      action: 'allow',
      rule: 'fallback',
      jurisdiction: 'CN',
      host: 'chat.deepseek.com',
      enforced: true,
    });
  });
});
