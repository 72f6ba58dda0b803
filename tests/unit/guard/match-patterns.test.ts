import { describe, expect, it } from 'vitest';
import { shippedCatalog } from '../../../lib/catalog/shipped-catalog';
import { guardMatchPatterns } from '../../../lib/guard/match-patterns';
import { compilePolicy } from '../../../lib/policy/compile-policy';
import { defaultPolicy } from '../../../lib/policy/default-policy';
import { policySchema, type PolicyInput } from '../../../lib/policy/policy-schema';

function patternsFor(input: Partial<PolicyInput>): string[] {
  const policy = policySchema.parse({ name: 't', version: '1', ...input });
  return guardMatchPatterns(compilePolicy(policy, shippedCatalog()));
}

describe('guardMatchPatterns', () => {
  const defaults = guardMatchPatterns(compilePolicy(defaultPolicy(), shippedCatalog()));

  it.each([
    ['ChatGPT', '*://*.chatgpt.com/*'],
    ['Claude', '*://*.claude.ai/*'],
    ['Perplexity (www is covered by the domain)', '*://*.perplexity.ai/*'],
    ['a URL-pattern service registers its whole host', '*://*.github.com/*'],
    ['a "." host suffix registers its subdomains', '*://*.openai.azure.com/*'],
    ['a "-" host suffix registers its parent', '*://*.googleapis.com/*'],
  ])('guards allowed services by default: %s', (_name, pattern) => {
    expect(defaults).toContain(pattern);
  });

  it('leaves out services the default policy blocks (China) and hosts a parent pattern covers', () => {
    expect(defaults.some((p) => p.includes('deepseek.com'))).toBe(false);
    expect(defaults).not.toContain('*://*.www.perplexity.ai/*');
  });

  it('produces only valid, unique, sorted patterns', () => {
    expect(new Set(defaults).size).toBe(defaults.length);
    expect([...defaults].sort()).toEqual(defaults);
    for (const p of defaults) expect(p).toMatch(/^\*:\/\/(\*\.)?[a-z0-9.-]+\/\*$/);
  });

  it('follows a per-rule paste override: mode off with files allowed needs no content script', () => {
    const patterns = patternsFor({
      rules: [
        {
          id: 'claude-free',
          match: { services: ['anthropic-claude'] },
          action: 'allow',
          paste: { mode: 'off', allowOriginal: false, files: 'allow' },
        },
      ],
    });
    expect(patterns).not.toContain('*://*.claude.ai/*');
    expect(patterns).toContain('*://*.chatgpt.com/*');
  });

  it('keeps a service whose paste mode is off when files are blocked', () => {
    const patterns = patternsFor({ paste: { mode: 'off', files: 'block' } });
    expect(patterns).toContain('*://*.claude.ai/*');
  });

  it('drops a service a rule blocks', () => {
    const patterns = patternsFor({
      rules: [{ id: 'no-openai', match: { services: ['openai-chatgpt'] }, action: 'block' }],
    });
    expect(patterns).not.toContain('*://*.chatgpt.com/*');
  });

  it('adds hosts that only a rule names, and IP addresses without a wildcard', () => {
    const patterns = patternsFor({
      rules: [{ id: 'internal', match: { hosts: ['llm.intranet.example', '10.1.2.3'] }, action: 'allow' }],
    });
    expect(patterns).toContain('*://*.llm.intranet.example/*');
    expect(patterns).toContain('*://10.1.2.3/*');
  });

  it('adds services from the policy catalog additions', () => {
    const patterns = patternsFor({
      catalog: {
        add: [
          {
            id: 'our-llm',
            name: 'Our LLM',
            operator: 'Us',
            operatorCountry: 'DE',
            parentCountry: 'DE',
            jurisdiction: 'DE',
            confidence: 'high',
            category: 'chat',
            domains: ['llm.example.org'],
          },
        ],
      },
    });
    expect(patterns).toContain('*://*.llm.example.org/*');
  });
});
