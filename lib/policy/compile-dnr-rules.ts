// compileDnrRules: the policy as declarativeNetRequest rules whose winner for any URL is decide()'s verdict.
import type { CompiledPolicy } from './compile-policy';
import type { Decision } from './decide';
import { compareRanks, computeDnrCells, type DnrCell } from './dnr-cells';
import { wholeUrlRegex } from './dnr-regex';
import { resourceTypesFor, type TargetBrowser } from './dnr-resource-types';
import type { DnrCondition, DnrLimits, DnrRule } from './dnr-rule';

export interface DnrTarget {
  browser: TargetBrowser;
  /** Extension URLs of the interstitials; the original URL is appended after "#". */
  blockPageUrl: string;
  warnPageUrl: string;
  limits: DnrLimits;
}

export type DnrCompileResult =
  { ok: true; rules: DnrRule[]; problems: string[] } | { ok: false; rules: DnrRule[]; problems: string[] };

interface RankedCell extends DnrCell {
  priority: number;
}

/**
 * `ok: false` when the rules exceed the browser's limits: installing part of them would weaken
 * enforcement, so the caller keeps the rules it has. `problems` (e.g. a host pattern DNR cannot
 * express) are reported either way.
 */
export function compileDnrRules(compiled: CompiledPolicy, target: DnrTarget): DnrCompileResult {
  if (compiled.policy.mode === 'audit') return { ok: true, rules: [], problems: [] };
  const { cells, problems } = rankedCells(compiled);
  const lowestEnforcing = Math.min(
    ...cells.filter((c) => enforcing(c.decision)).map((c) => c.priority),
    Number.POSITIVE_INFINITY,
  );
  // An allow cell only matters where it overrides a less specific block or warn.
  const needed = cells.filter((c) => enforcing(c.decision) || c.priority > lowestEnforcing);
  const rules = rulesFor(groupCells(needed), target);
  const limitProblems = checkLimits(rules, target.limits);
  return { ok: limitProblems.length === 0, rules, problems: [...problems, ...limitProblems] };
}

/**
 * Session rules that let one tab past the warn page for one service: allow rules one priority above
 * exactly the warn rules of that service and rule, so nothing more specific is overridden. They cover
 * every request type from that tab (the page, its frames, fetches, websockets…) for the grant's time.
 */
export function compileGrantRules(
  compiled: CompiledPolicy,
  warned: Decision,
  tabId: number,
  browser: TargetBrowser,
): DnrRule[] {
  if (warned.action !== 'warn') return [];
  const { cells } = rankedCells(compiled);
  const grants = cells
    .filter(
      (c) =>
        c.decision.action === 'warn' &&
        c.decision.rule === warned.rule &&
        (c.decision.service?.id ?? null) === (warned.service?.id ?? null),
    )
    .map((c) => ({ ...c, priority: c.priority + 1 }));
  return groupCells(grants).map((group, i) => ({
    id: i + 1,
    priority: group.priority,
    action: { type: 'allow' },
    condition: {
      ...domainCondition(group),
      ...regexCondition(group),
      resourceTypes: resourceTypesFor(browser).all,
      tabIds: [tabId],
    },
  }));
}

function rankedCells(compiled: CompiledPolicy): { cells: RankedCell[]; problems: string[] } {
  const { cells, problems } = computeDnrCells(compiled);
  const keys = [...new Map(cells.map((c) => [c.rank.join(','), c.rank])).values()].sort(compareRanks);
  const position = new Map(keys.map((rank, i) => [rank.join(','), i]));
  // Even priorities for policy rules; the odd one above each is for Continue grants.
  const ranked = cells.map((c) => ({ ...c, priority: 2 * (position.get(c.rank.join(','))! + 1) }));
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

function rulesFor(groups: CellGroup[], target: DnrTarget): DnrRule[] {
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
  return rules.map((rule, i) => ({ id: i + 1, ...rule }));
}

function domainCondition(group: CellGroup): Pick<DnrCondition, 'requestDomains'> {
  return group.domains ? { requestDomains: [...new Set(group.domains)].sort() } : {};
}

function regexCondition(group: CellGroup): Pick<DnrCondition, 'regexFilter'> {
  return group.regex ? { regexFilter: group.regex } : {};
}

function checkLimits(rules: DnrRule[], limits: DnrLimits): string[] {
  const problems: string[] = [];
  const regex = rules.filter((r) => r.condition.regexFilter !== undefined).length;
  const unsafe = rules.filter((r) => r.action.type === 'redirect').length;
  if (rules.length > limits.maxRules)
    problems.push(`the policy needs ${rules.length} browser rules; the browser allows ${limits.maxRules}`);
  if (unsafe > limits.maxUnsafeRules)
    problems.push(`the policy needs ${unsafe} redirect rules; the browser allows ${limits.maxUnsafeRules}`);
  if (regex > limits.maxRegexRules)
    problems.push(
      `the policy needs ${regex} regular-expression rules; the browser allows ${limits.maxRegexRules}`,
    );
  return problems;
}

function enforcing(decision: Decision): boolean {
  return decision.action === 'block' || decision.action === 'warn';
}
