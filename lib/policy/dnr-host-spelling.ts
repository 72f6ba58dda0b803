// How each browser's declarativeNetRequest matches a host that ends in a dot: the one place that differs.
// Chromium matches `requestDomains` against the canonical host, so chat.deepseek.com. meets the rule for
// deepseek.com; Firefox matches the host as written, so the same rule misses it (measured in Firefox ESR
// 140, tests/e2e-firefox/enforcement.test.ts) and every domain needs its trailing-dot spelling too.
import type { TargetBrowser } from './dnr-resource-types';
import type { DnrRule } from './dnr-rule';

/** The rules as `browser` must be given them to match every spelling of their hosts. */
export function spellHostsFor(browser: TargetBrowser, rules: DnrRule[]): DnrRule[] {
  if (browser !== 'firefox') return rules;
  return rules.map((rule) =>
    rule.condition.requestDomains
      ? {
          ...rule,
          condition: { ...rule.condition, requestDomains: withTrailingDots(rule.condition.requestDomains) },
        }
      : rule,
  );
}

function withTrailingDots(domains: string[]): string[] {
  const spelled = new Set(domains);
  for (const domain of domains) if (!domain.endsWith('.')) spelled.add(`${domain}.`);
  return [...spelled];
}
