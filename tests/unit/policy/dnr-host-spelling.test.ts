import { describe, expect, it } from 'vitest';
import { shippedCatalog } from '../../../lib/catalog/shipped-catalog';
import { compileDnrRules } from '../../../lib/policy/compile-dnr-rules';
import { compilePolicy } from '../../../lib/policy/compile-policy';
import { defaultPolicy } from '../../../lib/policy/default-policy';
import { spellHostsFor } from '../../../lib/policy/dnr-host-spelling';
import type { DnrRule } from '../../../lib/policy/dnr-rule';
import { chromeDnrLimits } from '../../../lib/policy/dnr-rule';

const rule = (requestDomains?: string[]): DnrRule => ({
  id: 1,
  priority: 2,
  action: { type: 'block' },
  condition: { ...(requestDomains ? { requestDomains } : {}), resourceTypes: ['main_frame'] },
});

/** Firefox's matching of requestDomains (measured in ESR 140): the host as written, trailing dot included. */
function firefoxMatches(rules: DnrRule[], url: string): DnrRule[] {
  const host = new URL(url).hostname;
  return rules.filter(
    (r) =>
      r.condition.resourceTypes.includes('main_frame') &&
      r.condition.requestDomains?.some((d) => host === d || host.endsWith(`.${d}`)),
  );
}

describe('spellHostsFor', () => {
  it('adds the trailing-dot spelling of every domain for Firefox, once', () => {
    const [spelled] = spellHostsFor('firefox', [rule(['deepseek.com', 'kimi.moonshot.cn', 'already.dot.'])]);
    expect(spelled!.condition.requestDomains).toEqual([
      'deepseek.com',
      'kimi.moonshot.cn',
      'already.dot.',
      'deepseek.com.',
      'kimi.moonshot.cn.',
    ]);
  });

  it('leaves Chromium rules as they are (Chromium matches the canonical host)', () => {
    const rules = [rule(['deepseek.com'])];
    expect(spellHostsFor('chromium', rules)).toBe(rules);
  });

  it('leaves rules without a domain condition, and everything else in a rule, as they are', () => {
    const noDomains = rule();
    const [spelled, untouched] = spellHostsFor('firefox', [rule(['a.example']), noDomains]);
    expect(untouched).toBe(noDomains);
    expect({ ...spelled, condition: { ...spelled!.condition, requestDomains: undefined } }).toEqual({
      ...rule(),
      condition: { ...rule().condition, requestDomains: undefined },
    });
  });

  it("makes the default policy's rules catch chat.deepseek.com. the way Firefox matches hosts", () => {
    const { rules } = compileDnrRules(compilePolicy(defaultPolicy(), shippedCatalog()), {
      browser: 'firefox',
      blockPageUrl: 'moz-extension://id/blocked.html',
      warnPageUrl: 'moz-extension://id/warn.html',
      limits: chromeDnrLimits,
    });
    expect(firefoxMatches(rules, 'https://chat.deepseek.com/')).not.toEqual([]);
    expect(firefoxMatches(rules, 'https://chat.deepseek.com./')).toEqual([]);
    const spelled = spellHostsFor('firefox', rules);
    expect(firefoxMatches(spelled, 'https://chat.deepseek.com./').map((r) => r.action.type)).toContain(
      'redirect',
    );
    expect(firefoxMatches(spelled, 'https://notdeepseek.com./')).toEqual([]);
  });
});
