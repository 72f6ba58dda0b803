// compileDnrRules: the policy as declarativeNetRequest rules whose winner for any URL is decide()'s verdict.
import { translateProxyHost } from '../url/translate-proxy';
import type { CompiledPolicy } from './compile-policy';
import type { Decision } from './decide';
import { compareRanks, computeDnrCells, type DnrCell } from './dnr-cells';
import { wholeUrlRegex } from './dnr-regex';
import { resourceTypesFor, type TargetBrowser } from './dnr-resource-types';
import {
  dnrRulesetLayout,
  type DnrCondition,
  type DnrLimits,
  type DnrRule,
  type DnrRuleset,
} from './dnr-rule';

export interface DnrTarget {
  browser: TargetBrowser;
  /** Extension URLs of the interstitials; the original URL is appended after "#". */
  blockPageUrl: string;
  warnPageUrl: string;
  limits: DnrLimits;
  /** The ruleset the rules go to (default `dynamic`): it sets their priorities and ids (dnrRulesetLayout). */
  ruleset?: DnrRuleset;
}

/** How much of the browser's limits a set of rules takes. */
export interface DnrRuleCounts {
  rules: number;
  /** Redirect rules, which Chrome counts as "unsafe". */
  unsafe: number;
  regex: number;
}

export interface DnrCompileResult {
  /**
   * false: install none of `rules` (they exceed the browser's limits, or compiling failed). Installing part
   * of them would weaken enforcement, so the caller keeps the rules in force.
   */
  ok: boolean;
  rules: DnrRule[];
  counts: DnrRuleCounts;
  /** The most session rules one Continue adds (compileGrantRules for one warn rule and service). */
  largestGrant: DnrRuleCounts;
  /** Sentences for policy_error and `policy check`, reported whether ok or not. */
  problems: string[];
}

interface RankedCell extends DnrCell {
  priority: number;
}

/**
 * The policy's rules. Dynamic rules start with one allow rule for every request, ranked above the static
 * ruleset and below every policy rule: once installed, the policy in force decides every URL and the
 * static default none, whether or not the worker has switched it off yet.
 */
export function compileDnrRules(compiled: CompiledPolicy, target: DnrTarget): DnrCompileResult {
  try {
    const ruleset = target.ruleset ?? 'dynamic';
    const { priorityBase, idBase } = dnrRulesetLayout[ruleset];
    const floor: CellGroup[] =
      ruleset === 'dynamic'
        ? [{ priority: priorityBase + 1, action: 'allow', regex: null, domains: null }]
        : [];
    if (compiled.policy.mode === 'audit') {
      const rules = rulesFor(floor, target, idBase);
      return { ok: true, rules, counts: countRules(rules), largestGrant: countRules([]), problems: [] };
    }
    const { cells, problems } = rankedCells(compiled, ruleset);
    let lowestEnforcing = Number.POSITIVE_INFINITY;
    for (const cell of cells)
      if (enforcing(cell.decision)) lowestEnforcing = Math.min(lowestEnforcing, cell.priority);
    // An allow cell only matters where it overrides a less specific block or warn.
    const needed = cells.filter((c) => enforcing(c.decision) || c.priority > lowestEnforcing);
    const rules = rulesFor([...groupCells(needed), ...floor], target, idBase);
    const counts = countRules(rules);
    const limitProblems = checkLimits(counts, target.limits);
    const ok = limitProblems.length === 0;
    return {
      ok,
      rules,
      counts,
      largestGrant: largestGrant(cells),
      problems: [...problems, ...limitProblems],
    };
  } catch (error) {
    // Only a bug gets here; it must still end as a problem the caller logs while it keeps the rules in force.
    const problems = [`compiling the browser rules failed: ${String(error)}`];
    return { ok: false, rules: [], counts: countRules([]), largestGrant: countRules([]), problems };
  }
}

/**
 * Session rules that let one tab past the warn page for one service: allow rules one priority above
 * exactly the warn rules of that service and rule, so nothing more specific is overridden. They cover
 * every request type from that tab (the page, its frames, fetches, websockets…) for the grant's time.
 * `ruleset` is the one holding those warn rules. A decision that is not a warning has no warn rules, so it
 * gets none.
 */
export function compileGrantRules(
  compiled: CompiledPolicy,
  warned: Decision,
  tabId: number,
  browser: TargetBrowser,
  ruleset: DnrRuleset = 'dynamic',
): DnrRule[] {
  const key = grantKey(warned);
  const grants = rankedCells(compiled, ruleset).cells.filter(
    (c) => c.decision.action === 'warn' && grantKey(c.decision) === key,
  );
  return groupCells(grants).map((group, i) => ({
    id: i + 1,
    priority: group.priority + 1,
    action: { type: 'allow' },
    condition: {
      ...domainCondition(group),
      ...regexCondition(group),
      resourceTypes: resourceTypesFor(browser).all,
      tabIds: [tabId],
    },
  }));
}

/** The most session rules one Continue adds: the grant for one warn rule and service with the most groups. */
function largestGrant(cells: RankedCell[]): DnrRuleCounts {
  const byKey = new Map<string, RankedCell[]>();
  for (const cell of cells) {
    if (cell.decision.action !== 'warn') continue;
    const key = grantKey(cell.decision);
    const list = byKey.get(key);
    if (list) list.push(cell);
    else byKey.set(key, [cell]);
  }
  let largest = countRules([]);
  for (const cells of byKey.values()) {
    const groups = groupCells(cells);
    const counts = { rules: groups.length, unsafe: 0, regex: groups.filter((g) => g.regex).length };
    if (counts.rules > largest.rules) largest = counts;
  }
  return largest;
}

function grantKey(decision: Decision): string {
  return `${decision.rule}\n${decision.service?.id ?? ''}`;
}

function rankedCells(
  compiled: CompiledPolicy,
  ruleset: DnrRuleset,
): { cells: RankedCell[]; problems: string[] } {
  const { cells, problems } = computeDnrCells(compiled);
  const ranks = new Map<string, number[]>();
  const keys = cells.map((c) => {
    const key = c.rank.join(',');
    ranks.set(key, c.rank);
    return key;
  });
  const position = new Map(
    [...ranks.entries()].sort((a, b) => compareRanks(a[1], b[1])).map(([key], i) => [key, i]),
  );
  const base = dnrRulesetLayout[ruleset].priorityBase;
  // Even priorities from base + 2 for policy rules; the odd one above each is for Continue grants, and
  // base + 1 for the dynamic floor rule (see compileDnrRules). The cells are this call's own objects, so
  // they take their priority in place (a copy of each would double what a 100,000-host policy allocates).
  const ranked = cells as RankedCell[];
  ranked.forEach((cell, i) => (cell.priority = base + 2 * (position.get(keys[i]!)! + 1)));
  return { cells: ranked, problems };
}

interface CellGroup {
  priority: number;
  action: 'allow' | 'warn' | 'block';
  regex: string | null;
  /** null: any host. */
  domains: string[] | null;
}

/** Cells with the same priority, action and URL condition become one rule over a set of domains. */
function groupCells(cells: RankedCell[]): CellGroup[] {
  const groups = new Map<string, CellGroup>();
  for (const cell of cells) {
    const action = enforcing(cell.decision) ? (cell.decision.action as 'warn' | 'block') : 'allow';
    const key = `${cell.priority}|${action}|${cell.regex ?? ''}|${cell.domain === null}`;
    const group = groups.get(key);
    if (group) {
      if (cell.domain !== null) group.domains!.push(cell.domain);
    } else {
      const domains = cell.domain === null ? null : [cell.domain];
      groups.set(key, { priority: cell.priority, action, regex: cell.regex, domains });
    }
  }
  return [...groups.values()].sort((a, b) => b.priority - a.priority);
}

function rulesFor(groups: CellGroup[], target: DnrTarget, idBase: number): DnrRule[] {
  const types = resourceTypesFor(target.browser);
  const rules: Omit<DnrRule, 'id'>[] = [];
  for (const group of groups) {
    const where = domainCondition(group);
    const redirect = (pageUrl: string, resourceTypes: DnrCondition['resourceTypes']) =>
      rules.push({
        priority: group.priority,
        action: { type: 'redirect', redirect: { regexSubstitution: `${pageUrl}#\\1` } },
        condition: { ...where, regexFilter: group.regex ?? wholeUrlRegex, resourceTypes },
      });
    if (group.action === 'block' || group.action === 'warn') {
      // Only a page can show the warning: below it (frames, fetches, websockets…) a warned service is
      // blocked like a blocked one until the tab holds a Continue grant.
      if (group.action === 'warn') {
        redirect(target.warnPageUrl, ['main_frame']);
        redirect(target.blockPageUrl, ['sub_frame']);
      } else redirect(target.blockPageUrl, types.frames);
      rules.push({
        priority: group.priority,
        action: { type: 'block' },
        condition: { ...where, ...regexCondition(group), resourceTypes: types.subresources },
      });
    } else {
      rules.push({
        priority: group.priority,
        action: { type: 'allow' },
        condition: { ...where, ...regexCondition(group), resourceTypes: types.all },
      });
    }
  }
  return rules.map((rule, i) => ({ id: idBase + i + 1, ...rule }));
}

/**
 * The group's hosts, each followed by its spelling through Google Translate's proxy
 * (chat-deepseek-com.translate.goog), which decide() reads as the host it proxies. A regex condition names
 * the real host, so those go without.
 */
function domainCondition(group: CellGroup): Pick<DnrCondition, 'requestDomains'> {
  if (!group.domains) return {};
  const domains = new Set<string>();
  for (const domain of group.domains) {
    domains.add(domain);
    const proxy = group.regex === null ? translateProxyHost(domain) : null;
    if (proxy) domains.add(proxy);
  }
  return { requestDomains: [...domains] };
}

function regexCondition(group: CellGroup): Pick<DnrCondition, 'regexFilter'> {
  return group.regex ? { regexFilter: group.regex } : {};
}

export function countRules(rules: DnrRule[]): DnrRuleCounts {
  let unsafe = 0;
  let regex = 0;
  for (const rule of rules) {
    if (rule.action.type === 'redirect') unsafe++;
    if (rule.condition.regexFilter !== undefined) regex++;
  }
  return { rules: rules.length, unsafe, regex };
}

// Regex rules come from URL patterns, host suffixes and host patterns; hosts cost none and share rules.
const shrink =
  'block or warn on whole hosts (match.hosts, or services by jurisdiction) rather than on many services with URL patterns, host suffixes or host patterns, or remove such entries from catalog.add';

export function checkLimits(counts: DnrRuleCounts, limits: DnrLimits, what = 'the policy'): string[] {
  const problems: string[] = [];
  if (counts.rules > limits.maxRules)
    problems.push(
      `${what} needs ${n(counts.rules)} browser rules; the browser allows ${n(limits.maxRules)}. To shrink it, ${shrink}`,
    );
  if (counts.unsafe > limits.maxUnsafeRules)
    problems.push(
      `${what} needs ${n(counts.unsafe)} redirect rules; the browser allows ${n(limits.maxUnsafeRules)}. To shrink it, ${shrink}`,
    );
  if (counts.regex > limits.maxRegexRules)
    problems.push(
      `${what} needs ${n(counts.regex)} regular-expression rules; the browser allows ${n(limits.maxRegexRules)}. To shrink it, ${shrink}`,
    );
  return problems;
}

function n(value: number): string {
  return value.toLocaleString('en-US');
}

function enforcing(decision: Decision): boolean {
  return decision.action === 'block' || decision.action === 'warn';
}
