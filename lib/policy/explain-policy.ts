// The policy view: what the policy in force does to every catalog service and to every host its rules
// name, each decided by decide() on the service's own addresses and explained by explainDecision().
import { serviceEntryUrls } from '../catalog/service-names';
import type { Service } from '../catalog/catalog-schema';
import type { CompiledPolicy } from './compile-policy';
import { decideCompiled, decideMatch, rulesNamingHost, type Decision } from './decide';
import { explainDecision } from './explain-decision';
import type { PolicyViewRow, ServiceOrigin } from './policy-view';

export function explainPolicy(compiled: CompiledPolicy): PolicyViewRow[] {
  const { policy } = compiled;
  const added = new Set(policy.catalog.add.map((s) => s.id));
  const overridden = new Set(policy.catalog.override.map((s) => s.id));
  const rows = compiled.catalog.map((service) =>
    explainService(
      compiled,
      service,
      added.has(service.id) ? 'added' : overridden.has(service.id) ? 'overridden' : 'catalog',
    ),
  );
  // Hosts that rules name but no catalog service claims ("intranet-llm.example.org").
  for (const host of compiled.ruleHosts.keys()) {
    const decision = decideCompiled(`https://${host}/`, compiled);
    if (decision.service) continue;
    rows.push({
      ...explainDecision(decision, policy),
      host,
      addresses: [host],
      origin: 'rule-host',
      exceptions: [],
    });
  }
  return rows;
}

export function explainService(
  compiled: CompiledPolicy,
  service: Service,
  origin: ServiceOrigin = 'catalog',
): PolicyViewRow {
  // Only the addresses decide() really attributes to this service: a more specific entry of another
  // service ("github.com/copilot" inside "github.com") is that service's row, not this one's.
  const urls = serviceEntryUrls(service);
  const decisions = urls
    .map((url) => decideCompiled(url, compiled))
    .filter((d): d is Decision & { host: string } => d.service?.id === service.id && d.host !== null);
  const primary = decisions[0] ?? decideUnreachable(compiled, service);
  const exceptions = decisions
    .slice(1)
    .filter((d) => d.action !== primary.action || d.rule !== primary.rule)
    .map((d) => ({ host: d.host, action: d.action, rule: d.rule }));
  return {
    ...explainDecision(primary, compiled.policy),
    host: primary.host,
    addresses: urls.map((url) => url.replace(/^https:\/\//, '').replace(/\/$/, '')),
    origin,
    exceptions,
  };
}

/**
 * A service known only by host suffixes or host patterns has no address to decide: its rules still
 * apply to it through its facts (jurisdiction, category…), so decide the service itself.
 */
function decideUnreachable(compiled: CompiledPolicy, service: Service): Decision & { host: string } {
  const host = service.hostSuffixes[0]?.replace(/^[.-]/, '') ?? service.hostPatterns[0] ?? service.id;
  const match = { service, kind: 'host' as const, pattern: host };
  return { ...decideMatch(compiled, host, match, rulesNamingHost(compiled, host)), host };
}
