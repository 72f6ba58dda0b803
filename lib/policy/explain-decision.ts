// Why a decision came out as it did: the deciding rule, the criteria it met and the service's facts.
// `cli decide --explain` prints it per URL; the popup's policy view shows it per service (explain-policy.ts).
import type { Service } from '../catalog/catalog-schema';
import type { Decision } from './decide';
import type { DecisionExplanation } from './policy-view';
import type { Policy, RuleMatch } from './policy-schema';

export function explainDecision(decision: Decision, policy: Policy): DecisionExplanation {
  const { service } = decision;
  const rule = policy.rules.find((r) => r.id === decision.rule);
  return {
    action: decision.action,
    service: service?.id ?? null,
    serviceName: service?.name ?? null,
    jurisdiction: decision.jurisdiction,
    parentCountry: service?.parentCountry ?? null,
    category: service?.category ?? null,
    rule: decision.rule,
    ruleDescription: rule?.description ?? null,
    matchedOn: rule ? metCriteria(rule.match, service, decision.host) : {},
    enforced: decision.enforced,
    reason: decision.reason,
    match: decision.match?.pattern ?? null,
  };
}

/** Reports, for each criterion the rule names, the service's (or host's) value it was met by. */
function metCriteria(
  match: RuleMatch,
  service: Service | null,
  host: string | null,
): DecisionExplanation['matchedOn'] {
  const met: DecisionExplanation['matchedOn'] = {};
  if (match.hosts && host) {
    const named = match.hosts.find((h) => host === h || host.endsWith(`.${h}`));
    if (named) met.hosts = named;
  }
  if (!service) return met;
  if (match.services) met.services = service.id;
  if (match.jurisdictions) met.jurisdictions = service.jurisdiction;
  if (match.parentCountries) met.parentCountries = service.parentCountry;
  if (match.confidence) met.confidence = service.confidence;
  if (match.categories) {
    met.categories =
      [service.category, ...service.alsoCategories].find((c) => match.categories!.includes(c)) ??
      service.category;
  }
  return met;
}
