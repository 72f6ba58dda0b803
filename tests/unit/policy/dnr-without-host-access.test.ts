import { describe, expect, it } from 'vitest';
import { shippedCatalog } from '../../../lib/catalog/shipped-catalog';
import { compileDnrRules } from '../../../lib/policy/compile-dnr-rules';
import { compilePolicy } from '../../../lib/policy/compile-policy';
import { defaultPolicy } from '../../../lib/policy/default-policy';
import { chromeDnrLimits } from '../../../lib/policy/dnr-rule';
import { blockWithoutInterstitials } from '../../../lib/policy/dnr-without-host-access';
import { outcome } from './simulate-dnr';

const { rules } = compileDnrRules(compilePolicy(defaultPolicy(), shippedCatalog()), {
  browser: 'firefox',
  blockPageUrl: 'moz-extension://id/blocked.html',
  warnPageUrl: 'moz-extension://id/warn.html',
  limits: chromeDnrLimits,
});

describe('blockWithoutInterstitials', () => {
  it.each([
    [
      'a blocked service',
      'https://chat.deepseek.com/',
      'moz-extension://id/blocked.html#https://chat.deepseek.com/',
    ],
    ['a warned service', 'https://chat.qwen.ai/', 'moz-extension://id/warn.html#https://chat.qwen.ai/'],
  ])('turns the redirect to the interstitial for %s into a block', (_label, url, page) => {
    expect(outcome(rules, { url, type: 'main_frame' })).toBe(page);
    expect(outcome(blockWithoutInterstitials(rules), { url, type: 'main_frame' })).toBe('block');
  });

  it('blocks the frames the block page would have covered', () => {
    const url = 'https://chat.deepseek.com/';
    expect(outcome(blockWithoutInterstitials(rules), { url, type: 'sub_frame' })).toBe('block');
  });

  it('keeps what needs no interstitial: allowed services, blocked sub-resources, the rule set size', () => {
    const without = blockWithoutInterstitials(rules);
    expect(outcome(without, { url: 'https://chatgpt.com/', type: 'main_frame' })).toBe('allow');
    expect(outcome(without, { url: 'https://api.deepseek.com/v1', type: 'xmlhttprequest' })).toBe('block');
    expect(without.filter((r) => r.action.type === 'redirect')).toEqual([]);
    expect(without.map((r) => [r.id, r.priority, r.condition])).toEqual(
      rules.map((r) => [r.id, r.priority, r.condition]),
    );
  });
});
