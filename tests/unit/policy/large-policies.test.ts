// Policies far larger than any shipped one: they check, compile and stay within the browser's limits, or
// come back with a problem that says what to shrink; never an exception.
import { describe, expect, it } from 'vitest';
import { shippedCatalog } from '../../../lib/catalog/shipped-catalog';
import type { ServiceInput } from '../../../lib/catalog/catalog-schema';
import { browserRulesPath, checkBrowserRules } from '../../../lib/policy/check-browser-rules';
import { checkPolicy } from '../../../lib/policy/check-policy';
import { compileDnrRules, compileGrantRules, type DnrTarget } from '../../../lib/policy/compile-dnr-rules';
import { compilePolicy, type CompiledPolicy } from '../../../lib/policy/compile-policy';
import { decideCompiled } from '../../../lib/policy/decide';
import { wholeUrlRegex } from '../../../lib/policy/dnr-regex';
import { chromeDnrLimits } from '../../../lib/policy/dnr-rule';
import type { Policy, PolicyInput } from '../../../lib/policy/policy-schema';
import { outcome } from './simulate-dnr';

const catalog = shippedCatalog();
// A 100,000-host compile takes about a second alone; a loaded 2-core machine or mutation testing makes it
// many times that, so these tests get more than the default 30 s.
const slow = 180_000;
const target: DnrTarget = {
  browser: 'chromium',
  blockPageUrl: 'chrome-extension://id/blocked.html',
  warnPageUrl: 'chrome-extension://id/warn.html',
  limits: chromeDnrLimits,
};

function hosts(count: number): string[] {
  return Array.from({ length: count }, (_, i) => `host${i}.example${i % 7}.test`);
}

function checked(input: PolicyInput): Policy {
  const check = checkPolicy(input, catalog);
  if (!check.ok) throw new Error(JSON.stringify(check.problems.slice(0, 3)));
  return check.policy;
}

/** A service of the organisation's own with one URL pattern: each needs its own regular-expression rules. */
function pathService(i: number): ServiceInput {
  return {
    id: `own-${i}`,
    name: `Own ${i}`,
    operator: 'Acme',
    operatorCountry: 'DE',
    parentCountry: 'DE',
    jurisdiction: 'CN',
    confidence: 'high',
    category: 'chat',
    urlPatterns: [`tools${i}.acme.example/chat`],
  };
}

describe('a policy with 100,000 hosts', () => {
  const blocked = hosts(100_000);

  it(
    'checks, compiles within the limits and blocks its last host',
    () => {
      const policy = checked({
        name: 'big',
        version: '1',
        rules: [{ id: 'many', match: { hosts: blocked }, action: 'block' }],
      });
      const compiled = compilePolicy(policy, catalog);
      const result = compileDnrRules(compiled, target);
      expect(result.problems).toEqual([]);
      expect(result.ok).toBe(true);
      expect(result.counts.rules).toBeLessThan(100);
      // Its hosts cannot end like the catalog's host pattern (…\.amazonaws\.com), so no regex rule lists them.
      const listed = result.rules.filter(
        (r) => r.condition.regexFilter && r.condition.regexFilter !== wholeUrlRegex,
      );
      expect(Math.max(...listed.map((r) => r.condition.requestDomains?.length ?? 0))).toBeLessThan(100);
      const last = `https://a.${blocked.at(-1)}/x`;
      expect(decideCompiled(last, compiled).action).toBe('block');
      expect(outcome(result.rules, { url: last, type: 'main_frame' })).toBe(`${target.blockPageUrl}#${last}`);
      expect(outcome(result.rules, { url: `https://${blocked[0]}/`, type: 'xmlhttprequest' })).toBe('block');
      expect(outcome(result.rules, { url: 'https://example.org/', type: 'main_frame' })).toBe('allow');
      // (`policy check` on the same bundle: tests/unit/cli/policy-command.test.ts.)
    },
    slow,
  );

  it(
    'grants Continue on any of them when they are warned',
    () => {
      // Fewer hosts here: the grant compiler walks the same cells, and each mutation-test run pays for them.
      const warned = blocked.slice(0, 20_000);
      const policy = checked({
        name: 'big warn',
        version: '1',
        rules: [{ id: 'many', match: { hosts: warned }, action: 'warn' }],
      });
      const compiled = compilePolicy(policy, catalog);
      const url = `https://${warned[14_321]}/`;
      const grants = compileGrantRules(compiled, decideCompiled(url, compiled), 3, 'chromium');
      expect(grants.length).toBeGreaterThan(0);
      const rules = [
        ...compileDnrRules(compiled, target).rules,
        ...grants.map((g) => ({ ...g, id: 1e6 + g.id })),
      ];
      expect(outcome(rules, { url, type: 'main_frame', tabId: 3 })).toBe('allow');
      expect(outcome(rules, { url, type: 'main_frame', tabId: 4 })).toBe(`${target.warnPageUrl}#${url}`);
    },
    slow,
  );
});

describe('a policy the browser cannot hold', () => {
  const input: PolicyInput = {
    name: 'too many paths',
    version: '1',
    rules: [{ id: 'cn', match: { jurisdictions: ['CN'] }, action: 'block' }],
    catalog: { add: Array.from({ length: 600 }, (_, i) => pathService(i)) },
  };

  it('is refused by the check, which says what to shrink', () => {
    const report = checkBrowserRules(checked(input), catalog);
    expect(report.ok).toBe(false);
    expect(!report.ok && report.problems).toEqual([
      {
        path: browserRulesPath,
        message: expect.stringMatching(
          /^the policy needs \d,\d{3} regular-expression rules; the browser allows 1,000\. To shrink it, .*URL patterns.*catalog\.add$/,
        ),
      },
    ]);
  });

  it('compiles to ok: false with its rules counted, so the extension installs none of them', () => {
    const result = compileDnrRules(compilePolicy(checked(input), catalog), target);
    expect(result.ok).toBe(false);
    expect(result.counts.regex).toBeGreaterThan(chromeDnrLimits.maxRegexRules);
    expect(result.rules.length).toBe(result.counts.rules);
  });
});

describe('compileDnrRules never throws', () => {
  it('turns a failure inside the compiler into a problem', () => {
    const compiled = compilePolicy(checked({ name: 'x', version: '1' }), catalog);
    // A catalog entry no schema would let through: the compiler fails on it.
    const broken: CompiledPolicy = {
      ...compiled,
      catalog: [{ ...compiled.catalog[0]!, domains: null as unknown as string[] }],
    };
    const result = compileDnrRules(broken, target);
    expect(result).toEqual({
      ok: false,
      rules: [],
      counts: { rules: 0, unsafe: 0, regex: 0 },
      largestGrant: { rules: 0, unsafe: 0, regex: 0 },
      problems: [expect.stringMatching(/^compiling the browser rules failed: TypeError: .+/)],
    });
  });
});
