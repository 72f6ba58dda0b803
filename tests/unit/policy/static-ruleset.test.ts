import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import devExtension from '../../../keys/dev-extension.json' with { type: 'json' };
import { shippedCatalog } from '../../../lib/catalog/shipped-catalog';
import { compileDnrRules, compileGrantRules, type DnrTarget } from '../../../lib/policy/compile-dnr-rules';
import { compilePolicy } from '../../../lib/policy/compile-policy';
import { decideCompiled } from '../../../lib/policy/decide';
import { defaultPolicy } from '../../../lib/policy/default-policy';
import {
  chromeDnrLimits,
  chromeStaticDnrLimits,
  defaultPolicyRuleset,
  dnrRulesetLayout,
  type DnrRule,
} from '../../../lib/policy/dnr-rule';
import { policySchema, type PolicyInput } from '../../../lib/policy/policy-schema';
import { defaultPolicyStaticRules } from '../../../lib/policy/static-ruleset';
import warnCn from '../../../policies/examples/warn-cn.json';
import { outcome } from './simulate-dnr';

const origin = `chrome-extension://${devExtension.id}`;
const dynamicTarget: DnrTarget = {
  browser: 'chromium',
  blockPageUrl: `${origin}/blocked.html`,
  warnPageUrl: `${origin}/warn.html`,
  limits: chromeDnrLimits,
};
const catalog = shippedCatalog();
const shipped = JSON.parse(readFileSync(`public/${defaultPolicyRuleset.path}`, 'utf8')) as DnrRule[];
const compiledDefault = compilePolicy(defaultPolicy(), catalog);
const dynamicDefault = compileDnrRules(compiledDefault, dynamicTarget).rules;

/** Chromium's id for an unpacked or keyed extension: SHA-256 of the public key, first 32 hex digits as a–p. */
function extensionIdOf(base64Key: string): string {
  const hex = createHash('sha256').update(Buffer.from(base64Key, 'base64')).digest('hex').slice(0, 32);
  return [...hex].map((d) => String.fromCharCode(97 + parseInt(d, 16))).join('');
}

describe('the static ruleset of the built-in default policy', () => {
  it('is the one the build ships (public/, declared by the manifest)', () => {
    expect(shipped).toEqual(defaultPolicyStaticRules(devExtension.id).rules);
    expect(shipped.length).toBeGreaterThan(10);
  });

  it('redirects to the interstitials of the extension id the manifest key gives', () => {
    expect(extensionIdOf(devExtension.key)).toBe(devExtension.id);
    const pages = new Set(
      shipped.flatMap((r) => (r.action.type === 'redirect' ? [r.action.redirect.regexSubstitution] : [])),
    );
    expect(pages).toEqual(new Set([`${origin}/blocked.html#\\1`, `${origin}/warn.html#\\1`]));
  });

  it('fits the browser limits for a static ruleset', () => {
    const result = defaultPolicyStaticRules(devExtension.id);
    expect(result.ok).toBe(true);
    expect(result.problems).toEqual([]);
    expect(result.counts.rules).toBeLessThanOrEqual(chromeStaticDnrLimits.maxRules);
    expect(result.counts.regex).toBeLessThanOrEqual(chromeStaticDnrLimits.maxRegexRules);
  });

  it('numbers and ranks its rules apart from, and below, every dynamic and session rule', () => {
    const ids = shipped.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(Math.min(...ids)).toBe(dnrRulesetLayout.static.idBase + 1);
    expect(Math.max(...ids)).toBeLessThan(2 ** 31);
    expect(Math.max(...dynamicDefault.map((r) => r.id))).toBeLessThan(dnrRulesetLayout.static.idBase);
    const highestStatic = Math.max(...shipped.map((r) => r.priority));
    expect(highestStatic).toBeLessThan(Math.min(...dynamicDefault.map((r) => r.priority)));
    expect(highestStatic).toBeLessThan(dnrRulesetLayout.dynamic.priorityBase);
  });

  it('alone, gives every URL the same outcome as the dynamic rules of the default policy', () => {
    const urls = catalog.flatMap((s) => [...s.domains, ...s.hosts].map((h) => `https://${h}/`));
    urls.push('https://www.volcengine.com/product/%61rk', 'https://chat-deepseek-com.translate.goog/');
    for (const url of urls)
      for (const type of ['main_frame', 'sub_frame', 'script'] as const)
        expect({ url, type, got: outcome(shipped, { url, type }) }).toEqual({
          url,
          type,
          got: outcome(dynamicDefault, { url, type }),
        });
    expect(outcome(shipped, { url: 'https://chat.deepseek.com/', type: 'main_frame' })).toBe(
      `${origin}/blocked.html#https://chat.deepseek.com/`,
    );
  });

  it('lets a Continue grant (a session rule) past its warn redirect, whether or not dynamic rules are in', () => {
    const url = 'https://chat.qwen.ai/';
    const warned = decideCompiled(url, compiledDefault);
    expect(warned.action).toBe('warn');
    const grants = compileGrantRules(compiledDefault, warned, 5, 'chromium');
    for (const rules of [shipped, [...shipped, ...dynamicDefault]]) {
      expect(outcome([...rules, ...grants], { url, type: 'main_frame', tabId: 5 })).toBe('allow');
      expect(outcome([...rules, ...grants], { url, type: 'main_frame', tabId: 6 })).toBe(
        `${origin}/warn.html#${url}`,
      );
    }
    // A grant made while only the static ruleset is in force lifts only the static warn rules.
    const staticGrants = compileGrantRules(compiledDefault, warned, 5, 'chromium', 'static');
    expect(outcome([...shipped, ...staticGrants], { url, type: 'main_frame', tabId: 5 })).toBe('allow');
    expect(
      outcome([...shipped, ...dynamicDefault, ...staticGrants], { url, type: 'main_frame', tabId: 5 }),
    ).toBe(`${origin}/warn.html#${url}`);
  });

  it("decides nothing once a managed policy's dynamic rules are in, even before it is switched off", () => {
    const withManaged = (input: PolicyInput) => [
      ...shipped,
      ...compileDnrRules(compilePolicy(policySchema.parse(input), catalog), dynamicTarget).rules,
    ];
    const deepseek = 'https://chat.deepseek.com/';
    // The default blocks DeepSeek; this organisation warns on it instead: the warn page, and below the page
    // a block that a Continue grant lifts for every request type of its tab, static block or not.
    const warnCnRules = withManaged(warnCn as PolicyInput);
    expect(outcome(warnCnRules, { url: deepseek, type: 'main_frame' })).toBe(
      `${origin}/warn.html#${deepseek}`,
    );
    const compiledWarnCn = compilePolicy(policySchema.parse(warnCn), catalog);
    const grants = compileGrantRules(compiledWarnCn, decideCompiled(deepseek, compiledWarnCn), 3, 'chromium');
    const granted = [...warnCnRules, ...grants.map((g) => ({ ...g, id: 2e9 + g.id }))];
    expect(outcome(granted, { url: deepseek, type: 'script', tabId: 3 })).toBe('allow');
    expect(outcome(granted, { url: deepseek, type: 'main_frame', tabId: 3 })).toBe('allow');
    expect(outcome(granted, { url: deepseek, type: 'script', tabId: 4 })).toBe('block');
    // This one blocks DeepSeek alone: Kimi, which the default blocks, is allowed.
    const blockDeepseek = withManaged({
      name: 'Block DeepSeek',
      version: '1',
      rules: [{ id: 'd', match: { services: ['deepseek'] }, action: 'block' }],
    });
    expect(outcome(blockDeepseek, { url: 'https://kimi.moonshot.cn/', type: 'main_frame' })).toBe('allow');
    expect(outcome(blockDeepseek, { url: deepseek, type: 'main_frame' })).toBe(
      `${origin}/blocked.html#${deepseek}`,
    );
    // Audit mode never blocks.
    const audit = withManaged({ name: 'Audit', version: '1', mode: 'audit', fallback: { action: 'block' } });
    for (const type of ['main_frame', 'script'] as const)
      expect(outcome(audit, { url: deepseek, type })).toBe('allow');
  });
});
