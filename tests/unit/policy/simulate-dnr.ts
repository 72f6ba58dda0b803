// A small model of Chromium's declarativeNetRequest matching, for checking compiled rules against decide().
import { RE2JS } from 're2js';
import type { DnrResourceType, DnrRule } from '../../../lib/policy/dnr-rule';

const actionOrder = { allow: 3, block: 2, redirect: 1 } as const;

const compiledRegexes = new Map<string, RE2JS>();
/** DNR regexes match case-insensitively by default; compiling each once keeps the big tables fast. */
function re2(regex: string): RE2JS {
  let compiled = compiledRegexes.get(regex);
  if (!compiled) {
    compiled = RE2JS.compile(regex, RE2JS.CASE_INSENSITIVE);
    compiledRegexes.set(regex, compiled);
  }
  return compiled;
}

export interface SimulatedRequest {
  url: string;
  type: DnrResourceType;
  tabId?: number;
}

/** The winning rule: highest priority, then allow > block > redirect (Chromium's tie order). */
export function winningRule(rules: DnrRule[], request: SimulatedRequest): DnrRule | null {
  const url = new URL(request.url);
  const host = url.hostname.toLowerCase().replace(/\.+$/, '');
  let best: DnrRule | null = null;
  for (const rule of rules) {
    const c = rule.condition;
    if (!c.resourceTypes.includes(request.type)) continue;
    if (c.tabIds && (request.tabId === undefined || !c.tabIds.includes(request.tabId))) continue;
    if (c.requestDomains && !c.requestDomains.some((d) => host === d || host.endsWith(`.${d}`))) continue;
    if (c.regexFilter && !re2(c.regexFilter).matches(url.href)) continue;
    if (
      !best ||
      rule.priority > best.priority ||
      (rule.priority === best.priority && actionOrder[rule.action.type] > actionOrder[best.action.type])
    ) {
      best = rule;
    }
  }
  return best;
}

/** What the browser does with the request: 'allow' (no rule or an allow rule), 'block', or the page. */
export function outcome(rules: DnrRule[], request: SimulatedRequest): string {
  const rule = winningRule(rules, request);
  if (!rule || rule.action.type === 'allow') return 'allow';
  if (rule.action.type === 'block') return 'block';
  const substitution = rule.action.redirect.regexSubstitution;
  const match = re2(rule.condition.regexFilter!).matcher(new URL(request.url).href);
  if (!match.matches()) throw new Error('redirect rule matched but its regex did not');
  return substitution.replace('\\1', match.group(1) ?? '');
}
