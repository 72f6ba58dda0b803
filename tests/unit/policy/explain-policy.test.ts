import { describe, expect, it } from 'vitest';
import { shippedCatalog } from '../../../lib/catalog/shipped-catalog';
import { compilePolicy } from '../../../lib/policy/compile-policy';
import { decide } from '../../../lib/policy/decide';
import { defaultPolicy } from '../../../lib/policy/default-policy';
import { explainDecision } from '../../../lib/policy/explain-decision';
import { explainPolicy } from '../../../lib/policy/explain-policy';
import {
  countByAction,
  filterPolicyView,
  matchCriteria,
  policyViewRowSchema,
} from '../../../lib/policy/policy-view';
import {
  policySchema,
  ruleMatchSchema,
  type PolicyInput,
  type RuleMatch,
} from '../../../lib/policy/policy-schema';

const catalog = shippedCatalog();
const policy = (input: Omit<PolicyInput, 'name' | 'version'>) =>
  policySchema.parse({ name: 'test', version: '1', ...input });
const view = (p = defaultPolicy()) => explainPolicy(compilePolicy(p, catalog));
const row = (rows: ReturnType<typeof view>, id: string) => rows.find((r) => r.service === id)!;

describe('explainDecision', () => {
  it.each<[string, RuleMatch, string, Record<string, string>]>([
    ['a jurisdiction rule', { jurisdictions: ['CN'] }, 'https://chat.deepseek.com/', { jurisdictions: 'CN' }],
    ['a service rule', { services: ['deepseek'] }, 'https://chat.deepseek.com/', { services: 'deepseek' }],
    [
      'a parent-country rule',
      { parentCountries: ['CN'] },
      'https://chat.deepseek.com/',
      { parentCountries: 'CN' },
    ],
    [
      'a confidence rule',
      { confidence: ['high', 'medium', 'low'] },
      'https://chat.deepseek.com/',
      { confidence: catalog.find((s) => s.id === 'deepseek')!.confidence },
    ],
    ['an also-category rule', { categories: ['api'] }, 'https://chat.deepseek.com/', { categories: 'api' }],
    [
      'a host rule on a subdomain',
      { hosts: ['deepseek.com'] },
      'https://chat.deepseek.com/',
      { hosts: 'deepseek.com' },
    ],
    [
      'every criterion of a combined rule',
      { jurisdictions: ['CN'], categories: ['chat'] },
      'https://chat.deepseek.com/',
      { jurisdictions: 'CN', categories: 'chat' },
    ],
  ])('reports the value that met %s', (_name, match, url, expected) => {
    const p = policy({ rules: [{ id: 'r', match, action: 'block' }] });
    const explained = explainDecision(decide(url, p, catalog), p);
    expect(explained.rule).toBe('r');
    expect(explained.matchedOn).toEqual(expected);
  });

  it('has no criteria for the fallback, and says audit mode is not enforced', () => {
    const p = policy({ mode: 'audit', fallback: { action: 'warn' } });
    expect(explainDecision(decide('https://chatgpt.com/', p, catalog), p)).toMatchObject({
      action: 'warn',
      rule: 'fallback',
      ruleDescription: null,
      matchedOn: {},
      enforced: false,
      service: 'openai-chatgpt',
      parentCountry: 'US',
      category: 'chat',
    });
  });

  it('explains an address that is no AI service', () => {
    const p = defaultPolicy();
    expect(explainDecision(decide('https://example.org/', p, catalog), p)).toMatchObject({
      action: 'none',
      service: null,
      rule: null,
      matchedOn: {},
      reason: '"example.org" is not an AI service in the catalog',
    });
  });
});

describe('explainPolicy (the popup policy view)', () => {
  it('has one row per catalog service, each decided as decide() decides its first address', () => {
    const rows = view();
    expect(rows.map((r) => r.service)).toEqual(catalog.map((s) => s.id));
    for (const r of rows) {
      const direct = decide(`https://${r.host}/`, defaultPolicy(), catalog);
      if (direct.service?.id === r.service)
        expect({ action: r.action, rule: r.rule }, r.host).toEqual({
          action: direct.action,
          rule: direct.rule,
        });
    }
  });

  it.each([
    ['deepseek', 'block', 'block-cn-jurisdiction', { jurisdictions: 'CN' }],
    ['qwen-chat-intl', 'warn', 'warn-unknown-jurisdiction', { jurisdictions: 'unknown' }],
    ['openai-chatgpt', 'allow', 'fallback', {}],
  ])('default policy: %s → %s by %s', (id, action, rule, matchedOn) => {
    expect(row(view(), id)).toMatchObject({ action, rule, matchedOn, origin: 'catalog', exceptions: [] });
  });

  it("decides a URL-pattern service on its pattern, not on its neighbour's host", () => {
    const r = row(view(), 'github-copilot');
    expect(r).toMatchObject({ host: 'githubcopilot.com', action: 'allow' });
    expect(r.addresses).toContain('github.com/copilot');
    expect(r.addresses).toContain('api.githubcopilot.com');
  });

  it('marks services the policy adds or overrides, and decides them with their new facts', () => {
    const p = policy({
      rules: [{ id: 'block-ru', match: { jurisdictions: ['RU'] }, action: 'block' }],
      catalog: {
        add: [
          {
            id: 'ru-chat',
            name: 'RuChat (internal)',
            operator: 'Example',
            operatorCountry: 'RU',
            parentCountry: 'RU',
            jurisdiction: 'RU',
            confidence: 'high',
            category: 'chat',
            domains: ['ruchat.example'],
          },
        ],
        override: [{ id: 'openai-chatgpt', jurisdiction: 'RU' }],
      },
    });
    const rows = view(p);
    expect(row(rows, 'ru-chat')).toMatchObject({ origin: 'added', action: 'block', host: 'ruchat.example' });
    expect(row(rows, 'openai-chatgpt')).toMatchObject({
      origin: 'overridden',
      action: 'block',
      jurisdiction: 'RU',
      matchedOn: { jurisdictions: 'RU' },
    });
  });

  it('decides a service known only by host suffixes through its facts', () => {
    const p = policy({
      rules: [{ id: 'block-kp', match: { jurisdictions: ['KP'] }, action: 'block' }],
      catalog: {
        add: [
          {
            id: 'suffix-only',
            name: 'Suffix only',
            operator: 'Example',
            operatorCountry: 'KP',
            parentCountry: 'KP',
            jurisdiction: 'KP',
            confidence: 'low',
            category: 'api',
            hostSuffixes: ['.models.example'],
          },
        ],
      },
    });
    expect(row(view(p), 'suffix-only')).toMatchObject({
      action: 'block',
      rule: 'block-kp',
      host: 'models.example',
    });
  });

  it('lists the addresses of a service that a host rule decides differently', () => {
    const p = policy({
      rules: [
        { id: 'allow-api', match: { hosts: ['api.deepseek.com'] }, action: 'allow' },
        { id: 'block-cn', match: { jurisdictions: ['CN'] }, action: 'block' },
      ],
    });
    expect(row(view(p), 'deepseek')).toMatchObject({
      action: 'block',
      rule: 'block-cn',
      exceptions: [{ host: 'api.deepseek.com', action: 'allow', rule: 'allow-api' }],
    });
  });

  it('adds a row for each host a rule names that no catalog service claims', () => {
    const p = policy({
      rules: [{ id: 'intranet', match: { hosts: ['llm.intranet.example'] }, action: 'warn' }],
    });
    const rows = view(p);
    expect(rows).toHaveLength(catalog.length + 1);
    expect(rows.at(-1)).toMatchObject({
      service: null,
      host: 'llm.intranet.example',
      origin: 'rule-host',
      action: 'warn',
      rule: 'intranet',
      matchedOn: { hosts: 'llm.intranet.example' },
    });
  });

  it('adds no row for a host rule naming a catalog host', () => {
    const p = policy({ rules: [{ id: 'h', match: { hosts: ['chat.deepseek.com'] }, action: 'allow' }] });
    expect(view(p)).toHaveLength(catalog.length);
  });
});

describe('filterPolicyView', () => {
  const rows = view();

  it('keeps one action, strictest first then by name', () => {
    const blocked = filterPolicyView(rows, { action: 'block', text: '' });
    expect(blocked.length).toBeGreaterThan(10);
    expect(blocked.every((r) => r.action === 'block')).toBe(true);
    const names = blocked.map((r) => r.serviceName!.toLowerCase());
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'en')));
    const all = filterPolicyView(rows, { action: '', text: '' });
    expect(all.map((r) => r.action)).toEqual([
      ...all.filter((r) => r.action === 'block').map(() => 'block'),
      ...all.filter((r) => r.action === 'warn').map(() => 'warn'),
      ...all.filter((r) => r.action === 'allow').map(() => 'allow'),
    ]);
  });

  it.each([
    ['a name, in any case', 'CHATGPT', 'openai-chatgpt'],
    ['an id', 'github-copilot', 'github-copilot'],
    ['a host', 'chat.deepseek', 'deepseek'],
  ])('searches %s', (_name, text, id) => {
    expect(filterPolicyView(rows, { action: '', text }).map((r) => r.service)).toContain(id);
  });

  it('searches rule and jurisdiction, combined with the action', () => {
    const found = filterPolicyView(rows, { action: 'warn', text: 'unknown' });
    expect(found.length).toBeGreaterThan(0);
    expect(found.every((r) => r.action === 'warn' && r.jurisdiction === 'unknown')).toBe(true);
    expect(filterPolicyView(rows, { action: 'block', text: 'warn-unknown' })).toEqual([]);
  });

  it('counts the rows per action', () => {
    const counts = countByAction(rows);
    expect(counts.block + counts.warn + counts.allow + counts.none).toBe(rows.length);
    expect(counts.block).toBe(rows.filter((r) => r.action === 'block').length);
  });
});

describe('the policy view rows the background sends the popup', () => {
  it('every row of the default policy parses with the schema the popup checks', () => {
    for (const row of view()) expect(policyViewRowSchema.parse(row)).toEqual(row);
  });

  it('names every criterion a rule can match on', () => {
    expect([...matchCriteria].sort()).toEqual(Object.keys(ruleMatchSchema.shape).sort());
  });
});
