// decide(url, policy, catalog): which AI service a URL is, where it processes data, and what to do.
import type { ServiceMatch } from '../catalog/host-index';
import type { Catalog, Service } from '../catalog/catalog-schema';
import { parseRequestUrl } from '../url/parse-request-url';
import { translateProxyTarget } from '../url/translate-proxy';
import { compilePolicy, type CompiledPolicy } from './compile-policy';
import type { Action, Fallback, PasteGuardSettings, Policy, Rule } from './policy-schema';

export interface DecisionOptions {
  message?: string | undefined;
  bypassMinutes: number;
  requireJustification: boolean;
  paste: PasteGuardSettings;
}

export interface Decision {
  /** `none`: not an AI service and no rule names the host. */
  action: Action | 'none';
  service: Service | null;
  jurisdiction: string | null;
  /** Rule id, "fallback", or null for `none`. */
  rule: string | null;
  reason: string;
  host: string | null;
  match: ServiceMatch | null;
  /** False in audit mode: the decision is logged but not enforced. */
  enforced: boolean;
  options: DecisionOptions | null;
}

export function decide(url: string, policy: Policy, catalog: Catalog): Decision {
  return decideCompiled(url, compilePolicy(policy, catalog));
}

export function decideCompiled(url: string, compiled: CompiledPolicy): Decision {
  const target = parseRequestUrl(url);
  if (!target) return none(null, 'not an http(s) or ws(s) URL the browser would load');
  // A translate proxy (chat-deepseek-com.translate.goog) serves the site it names: decide for that site.
  const host = translateProxyTarget(target.host) ?? target.host;
  const match = compiled.index.lookup(host, target);
  const hostRules = compiled.ruleHosts.size ? rulesNamingHost(compiled, host) : null;
  const decision = decideMatch(compiled, host, match, hostRules);
  return host === target.host
    ? decision
    : { ...decision, reason: `${decision.reason} (through ${target.host})` };
}

/**
 * The decision once the service is known: the first rule that matches wins, else the fallback.
 * `hostRules` are the indices of rules whose `hosts` name the host or a parent (see rulesNamingHost).
 * The DNR rule compiler calls this too, so the browser's rules and decide() share one rule evaluation.
 */
export function decideMatch(
  compiled: CompiledPolicy,
  host: string,
  match: ServiceMatch | null,
  hostRules: Set<number> | null,
): Decision {
  const service = match?.service ?? null;
  const { policy } = compiled;
  for (let i = 0; i < policy.rules.length; i++) {
    const rule = policy.rules[i]!;
    if (ruleMatches(rule, i, service, hostRules)) {
      return verdict(compiled, host, match, rule.id, rule, describe(host, service, `rule "${rule.id}"`));
    }
  }
  if (!service) return none(host, `"${host}" is not an AI service in the catalog`);
  return verdict(compiled, host, match, 'fallback', policy.fallback, describe(host, service, 'the fallback'));
}

function ruleMatches(
  rule: Rule,
  index: number,
  service: Service | null,
  hostRules: Set<number> | null,
): boolean {
  const m = rule.match;
  if (m.hosts && !hostRules?.has(index)) return false;
  if (!service)
    return (
      m.hosts !== undefined &&
      !m.services &&
      !m.jurisdictions &&
      !m.parentCountries &&
      !m.categories &&
      !m.confidence
    );
  if (m.services && !m.services.includes(service.id)) return false;
  if (m.jurisdictions && !m.jurisdictions.includes(service.jurisdiction)) return false;
  if (m.parentCountries && !m.parentCountries.includes(service.parentCountry)) return false;
  if (m.confidence && !m.confidence.includes(service.confidence)) return false;
  if (
    m.categories &&
    !m.categories.includes(service.category) &&
    !service.alsoCategories.some((c) => m.categories!.includes(c))
  ) {
    return false;
  }
  return true;
}

/** Indices of rules whose `hosts` include the host or one of its parent domains. */
export function rulesNamingHost(compiled: CompiledPolicy, host: string): Set<number> {
  const found = new Set<number>();
  let start = 0;
  while (start >= 0) {
    const rules = compiled.ruleHosts.get(host.slice(start));
    if (rules) for (const i of rules) found.add(i);
    const dot = host.indexOf('.', start);
    start = dot < 0 ? -1 : dot + 1;
  }
  return found;
}

function verdict(
  compiled: CompiledPolicy,
  host: string,
  match: ServiceMatch | null,
  ruleId: string,
  source: Rule | Fallback,
  reason: string,
): Decision {
  const service = match?.service ?? null;
  return {
    action: source.action,
    service,
    jurisdiction: service?.jurisdiction ?? null,
    rule: ruleId,
    reason: `${reason} → ${source.action}${compiled.policy.mode === 'audit' ? ' (audit mode: not enforced)' : ''}`,
    host,
    match,
    enforced: compiled.policy.mode === 'enforce',
    options: {
      message: source.message,
      bypassMinutes: source.bypassMinutes,
      requireJustification: source.requireJustification,
      paste: source.paste ?? compiled.policy.paste,
    },
  };
}

function describe(host: string, service: Service | null, by: string): string {
  if (!service) return `"${host}" is named by ${by}`;
  return `"${host}" is ${service.name} (data processed in ${service.jurisdiction}); ${by} applies`;
}

function none(host: string | null, reason: string): Decision {
  return {
    action: 'none',
    service: null,
    jurisdiction: null,
    rule: null,
    reason,
    host,
    match: null,
    enforced: false,
    options: null,
  };
}
