import { describe, expect, it } from 'vitest';
import { shippedCatalog } from '../../../lib/catalog/shipped-catalog';
import { decide } from '../../../lib/policy/decide';
import { defaultPolicy } from '../../../lib/policy/default-policy';
import { policySchema, type PolicyInput } from '../../../lib/policy/policy-schema';

const catalog = shippedCatalog();
const policy = (input: Omit<PolicyInput, 'name' | 'version'>) =>
  policySchema.parse({ name: 'test', version: '1', ...input });

describe('decide with the default policy', () => {
  const run = (url: string) => decide(url, defaultPolicy(), catalog);

  it.each([
    ['chat.deepseek.com', 'https://chat.deepseek.com/'],
    ['upper case', 'https://CHAT.DEEPSEEK.COM/'],
    ['trailing dot', 'https://chat.deepseek.com./'],
    ['explicit port', 'https://chat.deepseek.com:8443/'],
    ['plain http', 'http://chat.deepseek.com/'],
    ['other subdomain', 'https://cdn.deepseek.com/x.js'],
    ['unlisted subdomain', 'https://new-thing.deepseek.com/'],
    ['registrable domain', 'https://deepseek.com/'],
    ['API host', 'https://api.deepseek.com/chat/completions'],
    ['websocket', 'wss://chat.deepseek.com/ws'],
    ['userinfo decoy', 'https://chat.example.com@chat.deepseek.com/'],
    ['ideographic dots', 'https://chat\u3002deepseek\u3002com/'],
    ['full-width letters', 'https://\uff43\uff48\uff41\uff54.deepseek.com/'],
    ['Alibaba CN model hub', 'https://modelscope.cn/models'],
    ['Tencent cloud DeepSeek API', 'https://api.lkeap.cloud.tencent.com/v1'],
  ])('blocks %s', (_name, url) => {
    const d = run(url);
    expect(d).toMatchObject({
      action: 'block',
      jurisdiction: 'CN',
      rule: 'block-cn-jurisdiction',
      enforced: true,
    });
  });

  it.each([
    ['look-alike suffix', 'https://deepseek.com.evil.example/'],
    ['look-alike prefix', 'https://notdeepseek.com/'],
    ['decoy before @', 'https://chat.deepseek.com@example.com/'],
    ['decoy after backslash', 'https://evil.example\\@chat.deepseek.com/'],
    ['punycode homoglyph', 'https://chat.xn--dpseek-3ofa.com/'],
    ['CN company, non-AI property', 'https://www.baidu.com/'],
    ['CN cloud console', 'https://cloud.tencent.com/'],
    ['model repo on GitHub', 'https://github.com/deepseek-ai/DeepSeek-R1'],
    ['GitHub pages of the model', 'https://deepseek-ai.github.io/'],
    ['not a web URL', 'ftp://chat.deepseek.com/'],
    ['unparseable', 'not a url'],
  ])('ignores %s', (_name, url) => {
    expect(run(url)).toMatchObject({ action: 'none', service: null, rule: null });
  });

  it.each([
    ['ChatGPT', 'https://chatgpt.com/', 'openai-chatgpt'],
    ['DeepSeek weights on Hugging Face', 'https://huggingface.co/deepseek-ai/DeepSeek-R1', 'huggingface-hub'],
    ['GitHub Copilot path', 'https://github.com/copilot', 'github-copilot'],
    ['Azure OpenAI resource', 'https://myco.openai.azure.com/openai/deployments', 'azure-ai-foundry'],
  ])('allows %s', (_name, url, service) => {
    expect(run(url)).toMatchObject({ action: 'allow', rule: 'fallback', service: { id: service } });
  });

  it('warns on a service with unknown jurisdiction', () => {
    expect(run('https://chat.qwen.ai/')).toMatchObject({ action: 'warn', jurisdiction: 'unknown' });
  });

  it('explains the decision', () => {
    expect(run('https://chat.deepseek.com/').reason).toMatch(/DeepSeek.*CN.*block-cn-jurisdiction.*block/);
  });
});

describe('rule evaluation', () => {
  it('first matching rule wins', () => {
    const p = policy({
      rules: [
        { id: 'allow-deepseek', match: { services: ['deepseek'] }, action: 'allow' },
        { id: 'block-cn', match: { jurisdictions: ['CN'] }, action: 'block' },
      ],
    });
    expect(decide('https://chat.deepseek.com/', p, catalog)).toMatchObject({
      action: 'allow',
      rule: 'allow-deepseek',
    });
    expect(decide('https://kimi.moonshot.cn/', p, catalog)).toMatchObject({
      action: 'block',
      rule: 'block-cn',
    });
  });

  it('criteria in one rule must all hold', () => {
    const p = policy({
      rules: [{ id: 'cn-chat', match: { jurisdictions: ['CN'], categories: ['image'] }, action: 'block' }],
      fallback: { action: 'warn' },
    });
    expect(decide('https://chat.deepseek.com/', p, catalog)).toMatchObject({
      action: 'warn',
      rule: 'fallback',
    });
  });

  it('matches parent country, category (also secondary), confidence', () => {
    const byParent = policy({ rules: [{ id: 'p', match: { parentCountries: ['CN'] }, action: 'block' }] });
    const qwen = decide('https://chat.qwen.ai/', byParent, catalog);
    expect(qwen).toMatchObject({ action: 'block', rule: 'p', jurisdiction: 'unknown' });
    const byCategory = policy({ rules: [{ id: 'c', match: { categories: ['api'] }, action: 'block' }] });
    expect(decide('https://api.deepseek.com/', byCategory, catalog)).toMatchObject({ action: 'block' });
    const byConfidence = policy({ rules: [{ id: 'l', match: { confidence: ['low'] }, action: 'warn' }] });
    expect(decide('https://chat.deepseek.com/', byConfidence, catalog).action).toBe('allow');
  });

  it('a hosts rule applies to hosts outside the catalog and their subdomains', () => {
    const p = policy({ rules: [{ id: 'own', match: { hosts: ['llm.internal.example'] }, action: 'block' }] });
    expect(decide('https://eu.llm.internal.example/', p, catalog)).toMatchObject({
      action: 'block',
      service: null,
      rule: 'own',
    });
    expect(decide('https://internal.example/', p, catalog).action).toBe('none');
  });

  it('audit mode decides but does not enforce', () => {
    const p = policy({
      mode: 'audit',
      rules: [{ id: 'b', match: { jurisdictions: ['CN'] }, action: 'block' }],
    });
    const d = decide('https://chat.deepseek.com/', p, catalog);
    expect(d).toMatchObject({ action: 'block', enforced: false });
    expect(d.reason).toContain('audit');
  });

  it('returns the options of the matching rule', () => {
    const p = policy({
      rules: [
        {
          id: 'w',
          match: { services: ['deepseek'] },
          action: 'warn',
          bypassMinutes: 5,
          requireJustification: true,
          message: 'Think twice',
        },
      ],
    });
    expect(decide('https://chat.deepseek.com/', p, catalog).options).toMatchObject({
      bypassMinutes: 5,
      requireJustification: true,
      message: 'Think twice',
      paste: { mode: 'redact' },
    });
  });

  it('catalog overrides and additions apply', () => {
    const p = policy({
      rules: [
        { id: 'block-cn', match: { jurisdictions: ['CN'] }, action: 'block' },
        { id: 'warn-own', match: { services: ['acme-gpt'] }, action: 'warn' },
      ],
      catalog: {
        override: [{ id: 'deepseek', jurisdiction: 'DE' }],
        add: [
          {
            id: 'acme-gpt',
            name: 'Acme GPT',
            operator: 'Acme',
            operatorCountry: 'US',
            parentCountry: 'US',
            jurisdiction: 'US',
            confidence: 'high',
            category: 'chat',
            hosts: ['gpt.acme.example'],
          },
        ],
      },
    });
    expect(decide('https://chat.deepseek.com/', p, catalog)).toMatchObject({
      action: 'allow',
      jurisdiction: 'DE',
    });
    expect(decide('https://gpt.acme.example/', p, catalog)).toMatchObject({
      action: 'warn',
      rule: 'warn-own',
    });
  });
});
