import { describe, expect, it } from 'vitest';
import { shippedCatalog } from '../../../lib/catalog/shipped-catalog';
import type { ServiceInput } from '../../../lib/catalog/catalog-schema';
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

  it.each([
    [
      'a catalog host',
      'https://chat-deepseek-com.translate.goog/?_x_tr_sl=auto&_x_tr_tl=en',
      'block',
      'deepseek',
    ],
    ['an unlisted subdomain', 'https://new--thing-deepseek-com.translate.goog/', 'block', 'deepseek'],
    ['a warned service', 'https://chat-qwen-ai.translate.goog/', 'warn', 'qwen-chat-intl'],
    ['an allowed service', 'https://chatgpt-com.translate.goog/', 'allow', 'openai-chatgpt'],
    ['a URL pattern', 'https://github-com.translate.goog/copilot', 'allow', 'github-copilot'],
    ['a host suffix', 'https://myco-openai-azure-com.translate.goog/', 'allow', 'azure-ai-foundry'],
  ])('decides a translate proxy of %s like the host it proxies', (_name, url, action, service) => {
    const d = run(url);
    expect(d).toMatchObject({ action, service: { id: service } });
    expect(d.reason).toContain(`(through ${new URL(url).hostname})`);
  });

  it('ignores translate.goog hosts that proxy no AI service', () => {
    expect(run('https://www-baidu-com.translate.goog/').action).toBe('none');
    expect(run('https://translate.goog/').action).toBe('none');
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
    expect(decide('https://eu-llm-internal-example.translate.goog/', p, catalog)).toMatchObject({
      action: 'block',
      rule: 'own',
      host: 'eu.llm.internal.example',
    });
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

describe('what decide() says and where rules stop matching', () => {
  const acme = {
    id: 'acme-multi',
    name: 'Acme Multi',
    operator: 'Acme',
    operatorCountry: 'US',
    parentCountry: 'US',
    jurisdiction: 'US',
    confidence: 'high',
    category: 'chat',
    alsoCategories: ['api', 'image'],
    hosts: ['multi.acme.example'],
  } satisfies ServiceInput;

  it.each([
    ['not a web URL', 'ftp://chat.deepseek.com/', 'not an http(s) or ws(s) URL the browser would load'],
    [
      'not an AI service',
      'https://www.example.org/',
      '"www.example.org" is not an AI service in the catalog',
    ],
    [
      'the fallback',
      'https://chatgpt.com/',
      '"chatgpt.com" is ChatGPT (incl. Sora app) (data processed in US); the fallback applies → allow',
    ],
    [
      'a rule',
      'https://chat.deepseek.com/',
      '"chat.deepseek.com" is DeepSeek (chat, app, API platform) (data processed in CN); rule "block-cn-jurisdiction" applies → block',
    ],
  ])('gives its reason for %s', (_name, url, reason) => {
    expect(decide(url, defaultPolicy(), catalog).reason).toBe(reason);
  });

  it('names the rule for a host no service is on, and says when audit mode does not enforce', () => {
    const own = (mode: 'audit' | 'enforce') =>
      policy({ mode, rules: [{ id: 'own', match: { hosts: ['llm.internal.example'] }, action: 'block' }] });
    expect(decide('https://llm.internal.example/', own('enforce'), catalog).reason).toBe(
      '"llm.internal.example" is named by rule "own" → block',
    );
    expect(decide('https://llm.internal.example/', own('audit'), catalog).reason).toBe(
      '"llm.internal.example" is named by rule "own" → block (audit mode: not enforced)',
    );
  });

  it('applies a hosts rule that also names services only to those services', () => {
    const p = policy({
      rules: [
        {
          id: 'ds',
          match: { hosts: ['internal.example', 'deepseek.com'], services: ['deepseek'] },
          action: 'block',
        },
      ],
    });
    expect(decide('https://chat.deepseek.com/', p, catalog).rule).toBe('ds');
    expect(decide('https://x.internal.example/', p, catalog)).toMatchObject({ action: 'none', rule: null });
  });

  it('finds the rule host of a host spelled with a leading dot', () => {
    const p = policy({ rules: [{ id: 'own', match: { hosts: ['llm.internal.example'] }, action: 'block' }] });
    expect(decide('https://.llm.internal.example/', p, catalog)).toMatchObject({
      action: 'block',
      rule: 'own',
    });
  });

  it('does not match a parent country the service does not have', () => {
    const p = policy({ rules: [{ id: 'cn-parent', match: { parentCountries: ['CN'] }, action: 'block' }] });
    expect(decide('https://chatgpt.com/', p, catalog)).toMatchObject({ action: 'allow', rule: 'fallback' });
  });

  it('matches a category among several secondary ones', () => {
    const p = policy({
      rules: [{ id: 'api', match: { categories: ['api'] }, action: 'block' }],
      catalog: { add: [acme] },
    });
    expect(decide('https://multi.acme.example/', p, catalog)).toMatchObject({ action: 'block', rule: 'api' });
  });
});
