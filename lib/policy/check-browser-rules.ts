// Whether a checked policy can be installed as browser rules: the same compiler and limit checks the
// extension runs, against Chrome's limits, so `policy check` refuses what the browser would refuse.
import type { Catalog } from '../catalog/catalog-schema';
import { checkLimits, compileDnrRules, type DnrRuleCounts } from './compile-dnr-rules';
import { compilePolicy } from './compile-policy';
import { chromeDnrLimits, chromeSessionDnrLimits, type DnrLimits } from './dnr-rule';
import type { PathProblem } from '../problems/format-problems';
import type { Policy } from './policy-schema';

export type BrowserRulesCheck = { ok: true; summary: string } | { ok: false; problems: PathProblem[] };

/** Where `policy check` reports problems that belong to the compiled rules rather than one JSON path. */
export const browserRulesPath = '(browser rules)';

export function checkBrowserRules(policy: Policy, catalog: Catalog): BrowserRulesCheck {
  const compiled = compilePolicy(policy, catalog);
  const result = compileDnrRules(compiled, {
    browser: 'chromium',
    blockPageUrl: 'chrome-extension://id/blocked.html',
    warnPageUrl: 'chrome-extension://id/warn.html',
    limits: chromeDnrLimits,
  });
  if (policy.mode === 'audit')
    return {
      ok: true,
      summary: `browser rules: ${n(result.counts.rules)} (audit mode: none blocks or warns)`,
    };
  const grant = result.largestGrant;
  const problems = [
    ...result.problems,
    ...checkLimits(grant, chromeSessionDnrLimits, 'one Continue on a warning'),
  ];
  if (!result.ok || problems.length)
    return { ok: false, problems: problems.map((message) => ({ path: browserRulesPath, message })) };
  return {
    ok: true,
    summary: `browser rules: ${usage(result.counts, chromeDnrLimits)}; ${grantUsage(grant)}`,
  };
}

function usage(counts: DnrRuleCounts, limits: DnrLimits): string {
  return `${n(counts.rules)} of ${n(limits.maxRules)} (redirects ${n(counts.unsafe)} of ${n(limits.maxUnsafeRules)}, regular expressions ${n(counts.regex)} of ${n(limits.maxRegexRules)})`;
}

function grantUsage(grant: DnrRuleCounts): string {
  if (grant.rules === 0) return 'no warnings, so no Continue grants';
  return `one Continue adds up to ${n(grant.rules)} session rule${grant.rules === 1 ? '' : 's'} (of ${n(chromeSessionDnrLimits.maxRules)}, regular expressions ${n(grant.regex)} of ${n(chromeSessionDnrLimits.maxRegexRules)})`;
}

function n(value: number): string {
  return value.toLocaleString('en-US');
}
