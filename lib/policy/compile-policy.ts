// Prepares a policy for fast decisions: merged catalog, host index and a host index for rules.
import { HostIndex } from '../catalog/host-index';
import { mergeCatalog } from './merge-catalog';
import type { Catalog } from '../catalog/catalog-schema';
import type { Policy } from './policy-schema';

export interface CompiledPolicy {
  policy: Policy;
  catalog: Catalog;
  index: HostIndex;
  /** Host (as written in a rule) → indices of the rules that name it. */
  ruleHosts: Map<string, number[]>;
}

const compiled = new WeakMap<Policy, WeakMap<Catalog, CompiledPolicy>>();

/** Compiles once per (policy, catalog) pair; later calls with the same objects are free. */
export function compilePolicy(policy: Policy, baseCatalog: Catalog): CompiledPolicy {
  let byCatalog = compiled.get(policy);
  if (!byCatalog) {
    byCatalog = new WeakMap();
    compiled.set(policy, byCatalog);
  }
  const existing = byCatalog.get(baseCatalog);
  if (existing) return existing;
  const catalog = mergeCatalog(baseCatalog, policy.catalog);
  const ruleHosts = new Map<string, number[]>();
  policy.rules.forEach((rule, i) => {
    for (const host of rule.match.hosts ?? []) {
      const list = ruleHosts.get(host);
      if (list) list.push(i);
      else ruleHosts.set(host, [i]);
    }
  });
  const result: CompiledPolicy = { policy, catalog, index: new HostIndex(catalog), ruleHosts };
  byCatalog.set(baseCatalog, result);
  return result;
}
