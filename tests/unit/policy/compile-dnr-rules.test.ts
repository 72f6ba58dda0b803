import { describe, expect, it } from 'vitest';
import { shippedCatalog } from '../../../lib/catalog/shipped-catalog';
import type { Catalog } from '../../../lib/catalog/catalog-schema';
import { compileDnrRules, compileGrantRules, type DnrTarget } from '../../../lib/policy/compile-dnr-rules';
import { compilePolicy } from '../../../lib/policy/compile-policy';
import { decideCompiled } from '../../../lib/policy/decide';
import { defaultPolicy } from '../../../lib/policy/default-policy';
import { chromeDnrLimits, chromiumResourceTypes, dnrRulesetLayout } from '../../../lib/policy/dnr-rule';
import { policySchema, type PolicyInput } from '../../../lib/policy/policy-schema';
import { translateProxyHost } from '../../../lib/url/translate-proxy';
import { resourceTypesFor } from '../../../lib/policy/dnr-resource-types';
import { outcome } from './simulate-dnr';
import auditOnly from '../../../policies/examples/audit-only.json';
import publicSector from '../../../policies/examples/public-sector.json';
import warnCn from '../../../policies/examples/warn-cn.json';

const target: DnrTarget = {
  browser: 'chromium',
  blockPageUrl: 'chrome-extension://id/blocked.html',
  warnPageUrl: 'chrome-extension://id/warn.html',
  limits: chromeDnrLimits,
};
const catalog = shippedCatalog();

function policy(input: PolicyInput) {
  return compilePolicy(policySchema.parse(input), catalog);
}

/** Representative URLs for every catalog entry: the entry itself and something below it. */
function catalogUrls(services: Catalog): string[] {
  const urls: string[] = [];
  for (const s of services) {
    for (const h of [...s.domains, ...s.hosts]) {
      urls.push(`https://${h}/`, `https://deep.sub.${h}/x?y=1`);
      // The host through Google Translate's proxy: decide() reads it as the host itself, so must DNR.
      const proxy = translateProxyHost(h);
      if (proxy) urls.push(`https://${proxy}/?_x_tr_sl=auto`, `https://deep.${proxy}/x`);
    }
    for (const suffix of s.hostSuffixes) {
      urls.push(`https://x${suffix}/`, `https://a.b${suffix}:8443/p`);
      urls.push(
        `https://${translateProxyHost(`x${suffix}`)}/`,
        `https://a.${translateProxyHost(`b${suffix}`)}/p`,
      );
    }
    for (const p of s.urlPatterns) {
      const base = p.startsWith('*.') ? `eu.${p.slice(2)}` : p;
      urls.push(`https://${base}`, `https://${base}/more`, `https://${base}x`);
      const slash = base.indexOf('/');
      const proxied = `${translateProxyHost(base.slice(0, slash))}${base.slice(slash)}`;
      // (Not `${proxied}x`: where a proxy host is a longer label of a rule's host, decide() alone sees it.)
      urls.push(`https://${proxied}`, `https://${proxied}/more`, `https://sub-${proxied}`);
    }
  }
  urls.push(
    'https://bedrock-runtime.us-east-1.amazonaws.com/model',
    'https://bedrock.eu-west-1.amazonaws.com/',
  );
  urls.push('https://www.baidu.com/', 'https://example.org/', 'https://github.com/deepseek-ai');
  return urls;
}

function expected(
  decision: ReturnType<typeof decideCompiled>,
  url: string,
  type: 'main_frame' | 'xmlhttprequest',
) {
  if (!decision.enforced || decision.action === 'allow' || decision.action === 'none') return 'allow';
  // Below the page a warned service is blocked: only a page can show the warning.
  if (decision.action === 'warn') return type === 'main_frame' ? `${target.warnPageUrl}#${url}` : 'block';
  return type === 'main_frame' ? `${target.blockPageUrl}#${url}` : 'block';
}

const hostRulesPolicy: PolicyInput = {
  name: 'hosts and priorities',
  version: '1',
  rules: [
    { id: 'allow-gemini', match: { services: ['google-gemini'] }, action: 'allow' },
    { id: 'allow-vertex', match: { services: ['google-vertex-ai'] }, action: 'allow' },
    { id: 'block-google', match: { hosts: ['google.com', 'googleapis.com'] }, action: 'block' },
    {
      id: 'warn-intranet',
      match: { hosts: ['ai.intranet.example'] },
      action: 'warn',
      requireJustification: true,
    },
    { id: 'allow-azure-host', match: { hosts: ['ok.openai.azure.com'] }, action: 'allow' },
    { id: 'block-azure', match: { services: ['azure-openai'] }, action: 'block' },
    { id: 'cn', match: { jurisdictions: ['CN'] }, action: 'block' },
    { id: 'unknown', match: { jurisdictions: ['unknown'] }, action: 'warn' },
    { id: 'block-bedrock-host', match: { hosts: ['us-east-1.amazonaws.com'] }, action: 'block' },
  ],
  fallback: { action: 'allow' },
};

const policies: [string, PolicyInput][] = [
  ['default', defaultPolicy()],
  ['warn-cn example', warnCn as PolicyInput],
  ['public-sector example', publicSector as PolicyInput],
  ['hosts and more specific allows', hostRulesPolicy],
  [
    'a URL pattern that beats its host',
    {
      name: 'paths',
      version: '1',
      rules: [
        { id: 'block-huggingchat', match: { services: ['huggingchat', 'github-copilot'] }, action: 'block' },
        { id: 'warn-hub', match: { services: ['huggingface-hub'] }, action: 'warn' },
        { id: 'block-github', match: { hosts: ['github.com'] }, action: 'block' },
        { id: 'allow-models', match: { services: ['github-models'] }, action: 'allow' },
      ],
    },
  ],
  ['block everything by fallback', { name: 'strict', version: '1', fallback: { action: 'block' } }],
];

describe('compileDnrRules agrees with decide()', () => {
  const extra = [
    'https://gemini.google.com/app',
    'https://mail.google.com/',
    'https://aiplatform.googleapis.com/v1',
    'https://us-central1-aiplatform.googleapis.com/v1',
    'https://maps.googleapis.com/',
    'https://ok.openai.azure.com/',
    'https://x.ok.openai.azure.com/',
    'https://other.openai.azure.com/',
    'https://ai.intranet.example/',
    'https://sub.ai.intranet.example/',
    'https://ai-intranet-example.translate.goog/',
    'https://ok-openai-azure-com.translate.goog/',
    'https://console.cloud.google.com/vertex-ai/x',
    'https://console.cloud.google.com/other',
    'https://CHAT.DeepSeek.com./',
    'https://chat.deepseek.com:8443/a',
    'http://api.deepseek.com/v1',
    'wss://chat.deepseek.com/ws',
    'https://huggingface.co/chat/conversation',
    'https://huggingface.co/models',
    'https://github.com/marketplace/models/x',
    'https://github.com/copilot',
    'https://gist.github.com/',
    // Encoded and re-cased spellings of path-prefix services: decide() normalises them, so must DNR.
    'https://www.volcengine.com/product/%61rk',
    'https://www.volcengine.com/PRODUCT/%41Rk/console',
    'https://www.volcengine.com/product/arkx',
    'https://github.com/%63opilot',
    'https://huggingface.co/%43hat/',
  ];
  for (const [name, input] of policies) {
    it(`gives every catalog entry the verdict of decide() under the ${name} policy`, () => {
      const compiled = policy(input);
      const result = compileDnrRules(compiled, target);
      expect(result.problems).toEqual([]);
      expect(result.ok).toBe(true);
      for (const url of [...catalogUrls(compiled.catalog), ...extra]) {
        const decision = decideCompiled(url, compiled);
        const href = new URL(url).href;
        for (const type of ['main_frame', 'xmlhttprequest'] as const) {
          expect({ url, type, got: outcome(result.rules, { url, type }) }).toEqual({
            url,
            type,
            got: expected(decision, href, type),
          });
        }
      }
    });
  }
});

describe('compileDnrRules', () => {
  it('blocks every sub-resource type of a blocked service, and redirects frames to the block page', () => {
    const { rules } = compileDnrRules(policy(defaultPolicy()), target);
    for (const type of ['websocket', 'script', 'image', 'media', 'ping', 'other', 'sub_frame'] as const) {
      const got = outcome(rules, { url: 'wss://chat.deepseek.com/ws', type });
      expect(got).toBe(type === 'sub_frame' ? `${target.blockPageUrl}#wss://chat.deepseek.com/ws` : 'block');
    }
  });

  it('fails closed on %-encoded paths of a blocked path-prefix service, and only there', () => {
    const { rules } = compileDnrRules(policy(defaultPolicy()), target);
    const page = (url: string) => outcome(rules, { url, type: 'main_frame' });
    // decide() would call this one "not AI"; DNR cannot tell without decoding, so it blocks.
    const encodedElsewhere = 'https://www.volcengine.com/docs/%61bc';
    expect(page(encodedElsewhere)).toBe(`${target.blockPageUrl}#${encodedElsewhere}`);
    expect(page('https://www.volcengine.com/docs/abc')).toBe('allow');
    expect(page('https://www.volcengine.com/docs/a%2Fb')).toBe('allow'); // %2F is reserved: not decoded
    // An allowed path-prefix service gets no such rule.
    expect(page('https://github.com/%63opilot')).toBe('allow');
    expect(outcome(rules, { url: 'https://www.volcengine.com/product/%61rk', type: 'xmlhttprequest' })).toBe(
      'block',
    );
  });

  it('installs in audit mode only the floor rule, which lets every request past the static default', () => {
    const result = compileDnrRules(policy(auditOnly as PolicyInput), target);
    expect(result).toEqual({
      ok: true,
      rules: [
        {
          id: 1,
          priority: dnrRulesetLayout.dynamic.priorityBase + 1,
          action: { type: 'allow' },
          condition: { resourceTypes: [...chromiumResourceTypes] },
        },
      ],
      counts: { rules: 1, unsafe: 0, regex: 0 },
      largestGrant: { rules: 0, unsafe: 0, regex: 0 },
      problems: [],
    });
    expect(compileDnrRules(policy(auditOnly as PolicyInput), { ...target, ruleset: 'static' }).rules).toEqual(
      [],
    );
  });

  it('lets a more specific allowed service beat a block on its parent domain', () => {
    const { rules } = compileDnrRules(policy(hostRulesPolicy), target);
    expect(outcome(rules, { url: 'https://gemini.google.com/', type: 'main_frame' })).toBe('allow');
    expect(outcome(rules, { url: 'https://mail.google.com/', type: 'main_frame' })).toBe(
      `${target.blockPageUrl}#https://mail.google.com/`,
    );
  });

  it('keeps a 10,000-host policy within the browser limits', () => {
    const hosts = Array.from({ length: 10_000 }, (_, i) => `host${i}.example${i % 7}.test`);
    const result = compileDnrRules(
      policy({ name: 'big', version: '1', rules: [{ id: 'many', match: { hosts }, action: 'block' }] }),
      target,
    );
    expect(result.ok).toBe(true);
    expect(result.rules.length).toBeLessThan(100);
    expect(result.rules.filter((r) => r.condition.regexFilter).length).toBeLessThan(50);
    expect(outcome(result.rules, { url: 'https://a.host9999.example3.test/', type: 'image' })).toBe('block');
  });

  it('reports rules beyond the limits instead of dropping them', () => {
    const result = compileDnrRules(policy(defaultPolicy()), {
      ...target,
      limits: { maxRules: 2, maxUnsafeRules: 1, maxRegexRules: 1 },
    });
    expect(result.ok).toBe(false);
    expect(result.problems.join('\n')).toMatch(/browser allows 2/);
  });

  it('leaves webtransport and webbundle out of Firefox rules', () => {
    const { rules } = compileDnrRules(policy(defaultPolicy()), { ...target, browser: 'firefox' });
    const types = new Set(rules.flatMap((r) => r.condition.resourceTypes));
    expect(types.has('websocket')).toBe(true);
    expect(types.has('webtransport')).toBe(false);
    expect(types.has('webbundle')).toBe(false);
    expect(types.has('beacon')).toBe(true);
  });
});

describe('compileGrantRules', () => {
  it('lets only that tab past the warn page of only that service', () => {
    const compiled = policy(warnCn as PolicyInput);
    const { rules } = compileDnrRules(compiled, target);
    const warned = decideCompiled('https://chat.deepseek.com/', compiled);
    expect(warned.action).toBe('warn');
    const grants = compileGrantRules(compiled, warned, 7, 'chromium').map((g, i) => ({
      ...g,
      id: 10_000 + i,
    }));
    expect(grants.length).toBeGreaterThan(0);
    const all = [...rules, ...grants];
    expect(outcome(all, { url: 'https://chat.deepseek.com/a', type: 'main_frame', tabId: 7 })).toBe('allow');
    expect(outcome(all, { url: 'https://deepseek.com/', type: 'main_frame', tabId: 7 })).toBe('allow');
    expect(outcome(all, { url: 'https://chat.deepseek.com/', type: 'main_frame', tabId: 8 })).toBe(
      `${target.warnPageUrl}#https://chat.deepseek.com/`,
    );
    expect(outcome(all, { url: 'https://kimi.moonshot.cn/', type: 'main_frame', tabId: 7 })).toMatch(
      /warn\.html/,
    );
  });

  it('grants nothing for a decision that is not a warning', () => {
    const compiled = policy(defaultPolicy());
    expect(
      compileGrantRules(compiled, decideCompiled('https://chat.deepseek.com/', compiled), 1, 'chromium'),
    ).toEqual([]);
  });
});

describe('compileGrantRules, more precisely', () => {
  // DeepSeek is warned by two rules: one for its chat host (with a written reason), one for the rest.
  const twoRules = policy({
    name: 'two warnings',
    version: '1',
    rules: [
      {
        id: 'warn-chat',
        match: { hosts: ['chat.deepseek.com'] },
        action: 'warn',
        requireJustification: true,
      },
      { id: 'warn-cn', match: { jurisdictions: ['CN'] }, action: 'warn' },
    ],
  });

  it("does not lift another rule's warning on the same service", () => {
    const { rules } = compileDnrRules(twoRules, target);
    const warned = decideCompiled('https://www.deepseek.com/', twoRules);
    expect(warned).toMatchObject({ action: 'warn', rule: 'warn-cn' });
    const all = [
      ...rules,
      ...compileGrantRules(twoRules, warned, 7, 'chromium').map((g) => ({ ...g, id: 10_000 + g.id })),
    ];
    expect(outcome(all, { url: 'https://www.deepseek.com/', type: 'main_frame', tabId: 7 })).toBe('allow');
    expect(outcome(all, { url: 'https://chat.deepseek.com/', type: 'main_frame', tabId: 7 })).toBe(
      `${target.warnPageUrl}#https://chat.deepseek.com/`,
    );
  });

  it('is an allow rule for every request type of that tab, one above the warn rule it lifts, numbered from 1', () => {
    const { rules } = compileDnrRules(twoRules, target);
    const warned = decideCompiled('https://chat.deepseek.com/', twoRules);
    const grants = compileGrantRules(twoRules, warned, 9, 'chromium');
    // The chat host's warning is a rule at two ranks: as a catalog host, and as a policy host under deepseek.com.
    const lifted = (priority: number) =>
      rules.some(
        (r) =>
          r.priority === priority &&
          r.action.type === 'redirect' &&
          r.condition.requestDomains?.includes('chat.deepseek.com'),
      );
    expect(grants.map((g) => lifted(g.priority - 1))).toEqual([true, true]);
    expect(grants.map(({ priority: _p, ...grant }) => grant)).toEqual(
      [1, 2].map((id) => ({
        id,
        action: { type: 'allow' },
        condition: {
          requestDomains: ['chat.deepseek.com', 'chat-deepseek-com.translate.goog'],
          resourceTypes: resourceTypesFor('chromium').all,
          tabIds: [9],
        },
      })),
    );
  });

  it('ranks a grant for the static ruleset below every dynamic rule', () => {
    const warned = decideCompiled('https://chat.deepseek.com/', twoRules);
    const [grant] = compileGrantRules(twoRules, warned, 9, 'chromium', 'static');
    expect(grant!.priority).toBeLessThan(dnrRulesetLayout.dynamic.priorityBase);
    expect(grant!.priority % 2).toBe(1);
  });
});

describe('compileDnrRules, the details', () => {
  const counts = compileDnrRules(policy(defaultPolicy()), target).counts;

  it('counts rules, redirects and regex rules', () => {
    const { rules } = compileDnrRules(policy(defaultPolicy()), target);
    expect(counts).toEqual({
      rules: rules.length,
      unsafe: rules.filter((r) => r.action.type === 'redirect').length,
      regex: rules.filter((r) => r.condition.regexFilter !== undefined).length,
    });
    expect(counts.unsafe).toBeGreaterThan(0);
    expect(counts.regex).toBeGreaterThan(counts.unsafe);
  });

  it.each([
    ['rules', { ...counts }, []],
    [
      'rules',
      { ...counts, rules: counts.rules - 1 },
      [`the policy needs ${counts.rules} browser rules; the browser allows ${counts.rules - 1}.`],
    ],
    [
      'redirects',
      { ...counts, unsafe: counts.unsafe - 1 },
      [`the policy needs ${counts.unsafe} redirect rules; the browser allows ${counts.unsafe - 1}.`],
    ],
    [
      'regex rules',
      { ...counts, regex: counts.regex - 1 },
      [`the policy needs ${counts.regex} regular-expression rules; the browser allows ${counts.regex - 1}.`],
    ],
  ] as const)('holds exactly the limit of %s and refuses one less', (_what, limit, expected) => {
    const limits = { maxRules: limit.rules, maxUnsafeRules: limit.unsafe, maxRegexRules: limit.regex };
    const result = compileDnrRules(policy(defaultPolicy()), { ...target, limits });
    expect(result.problems.map((p) => p.slice(0, p.indexOf('.') + 1))).toEqual(expected);
    expect(result.ok).toBe(expected.length === 0);
    expect(result.problems.every((p) => p.includes('To shrink it, block or warn on whole hosts'))).toBe(true);
  });

  it('leaves out allow rules that no block or warn lies under', () => {
    // Only DeepSeek is blocked: its domain is the least specific enforcing cell.
    const onlyDeepseek = policy({
      name: 'one',
      version: '1',
      rules: [{ id: 'ds', match: { services: ['deepseek'] }, action: 'block' }],
    });
    const { rules } = compileDnrRules(onlyDeepseek, target);
    const allowed = rules.filter((r) => r.action.type === 'allow' && r.condition.requestDomains);
    const domains = allowed.flatMap((r) => r.condition.requestDomains!);
    // chatgpt.com ranks with deepseek.com (a two-label catalog domain), so it needs no rule;
    // gemini.google.com ranks above it, and gets one.
    expect(domains).not.toContain('chatgpt.com');
    expect(domains).toContain('gemini.google.com');
    const lowestBlock = Math.min(...rules.filter((r) => r.action.type !== 'allow').map((r) => r.priority));
    expect(allowed.every((r) => r.priority > lowestBlock)).toBe(true);
  });

  it('shows the warning on pages only, blocks below them, and blocks every request type of a blocked service', () => {
    const warnOnly = policy({ name: 'w', version: '1', fallback: { action: 'warn' } });
    const { rules } = compileDnrRules(warnOnly, target);
    const enforcing = rules.filter((r) => r.action.type !== 'allow');
    const toWarnPage = enforcing.filter(
      (r) =>
        r.action.type === 'redirect' && r.action.redirect.regexSubstitution.startsWith(target.warnPageUrl),
    );
    expect(new Set(toWarnPage.flatMap((r) => r.condition.resourceTypes))).toEqual(new Set(['main_frame']));
    // Every other request type of a warned service is blocked (frames on the block page) until a grant.
    expect(new Set(enforcing.flatMap((r) => r.condition.resourceTypes))).toEqual(
      new Set(chromiumResourceTypes),
    );
    const blockOnly = compileDnrRules(
      policy({ name: 'b', version: '1', fallback: { action: 'block' } }),
      target,
    );
    const types = new Set(
      blockOnly.rules.filter((r) => r.action.type !== 'allow').flatMap((r) => r.condition.resourceTypes),
    );
    expect(types).toEqual(new Set(chromiumResourceTypes));
  });

  it('numbers its rules from the highest priority down, the floor rule last', () => {
    const { rules } = compileDnrRules(policy(warnCn as PolicyInput), target);
    expect(rules.map((r) => r.id)).toEqual(rules.map((_, i) => i + 1));
    const priorities = rules.map((r) => r.priority);
    expect(priorities).toEqual([...priorities].sort((a, b) => b - a));
    expect(rules.at(-1)).toEqual({
      id: rules.length,
      priority: dnrRulesetLayout.dynamic.priorityBase + 1,
      action: { type: 'allow' },
      condition: { resourceTypes: [...chromiumResourceTypes] },
    });
  });

  it('numbers static rules from their own base, with no floor rule', () => {
    const { rules } = compileDnrRules(policy(defaultPolicy()), { ...target, ruleset: 'static' });
    expect(rules[0]!.id).toBe(dnrRulesetLayout.static.idBase + 1);
    expect(rules.some((r) => r.condition.requestDomains === undefined && r.action.type === 'allow')).toBe(
      false,
    );
    expect(
      rules.every((r) => r.priority % 2 === 0 && r.priority < dnrRulesetLayout.dynamic.priorityBase),
    ).toBe(true);
  });
});

describe('largestGrant: the most session rules one Continue adds', () => {
  const many = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}${i}.example`);
  const cases: [string, PolicyInput][] = [
    ['the built-in default', defaultPolicy()],
    ['warn-cn', warnCn as PolicyInput],
    ['public-sector', publicSector as PolicyInput],
    [
      'warn rules of different sizes, the largest neither first nor last',
      {
        name: 'sizes',
        version: '1',
        fallback: { action: 'allow' },
        rules: [
          { id: 'small', match: { hosts: ['one.example'] }, action: 'warn' },
          {
            id: 'large',
            match: { services: ['deepseek', 'openai-chatgpt', 'github-copilot'] },
            action: 'warn',
          },
          { id: 'middle', match: { hosts: many('m', 3) }, action: 'warn' },
          { id: 'blocked', match: { services: ['moonshot-intl'] }, action: 'block' },
        ],
      } as PolicyInput,
    ],
  ];

  it.each(cases)(
    '%s: equals the largest grant compileGrantRules builds for any warned URL',
    (_name, input) => {
      const compiled = policy(input);
      const result = compileDnrRules(compiled, target);
      expect(result.ok).toBe(true);
      const urls = [
        ...catalogUrls(catalog),
        'https://one.example/',
        ...many('https://m', 3).map((h) => `${h}/`),
      ];
      let largest = { rules: 0, unsafe: 0, regex: 0 };
      for (const url of urls) {
        const decision = decideCompiled(url, compiled);
        if (decision.action !== 'warn') continue;
        const grant = compileGrantRules(compiled, decision, 1, 'chromium');
        const counts = {
          rules: grant.length,
          unsafe: 0,
          regex: grant.filter((g) => g.condition.regexFilter).length,
        };
        if (counts.rules > largest.rules) largest = counts;
      }
      expect(result.largestGrant).toEqual(largest);
    },
  );

  it('a policy without warnings adds no grant rules, and one with warnings adds some', () => {
    expect(compileDnrRules(policy(publicSector as PolicyInput), target).largestGrant.rules).toBeGreaterThan(
      0,
    );
    const blockOnly = { ...(warnCn as PolicyInput), rules: [], fallback: { action: 'block' } } as PolicyInput;
    expect(compileDnrRules(policy(blockOnly), target).largestGrant).toEqual({
      rules: 0,
      unsafe: 0,
      regex: 0,
    });
  });
});
