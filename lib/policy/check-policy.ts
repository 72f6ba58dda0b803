// Validates a policy bundle completely: schema, references to the catalog, and catalog changes.
import { findCatalogChangeProblems, mergeCatalog } from './merge-catalog';
import type { Catalog } from '../catalog/catalog-schema';
import { findCatalogConflicts } from '../catalog/validate-catalog';
import { validateRedactionSettings } from '../redact/validate-settings';
import { formatZodIssues, parseJsonText, type PathProblem } from '../problems/format-problems';
import { policySchema, type Policy, type PolicyInput } from './policy-schema';

export type PolicyCheck =
  | {
      ok: true;
      policy: Policy;
      /** The bundle exactly as written (defaults not filled in), for artifacts that carry it on. */
      input: PolicyInput;
      summary: string;
    }
  | { ok: false; problems: PathProblem[] };

export function checkPolicyText(text: string, baseCatalog: Catalog): PolicyCheck {
  const json = parseJsonText(text);
  return json.ok ? checkPolicy(json.value, baseCatalog) : { ok: false, problems: [json.problem] };
}

export function checkPolicy(value: unknown, baseCatalog: Catalog): PolicyCheck {
  const parsed = policySchema.safeParse(value);
  if (!parsed.success) return { ok: false, problems: formatZodIssues(parsed.error.issues) };
  const policy = parsed.data;
  const problems = [
    ...findCatalogChangeProblems(baseCatalog, policy.catalog),
    ...findRuleProblems(policy),
    // Admin regexes must compile under RE2 (linear time) before they reach a tab.
    ...validateRedactionSettings(policy.redaction, 'redaction').problems,
  ];
  const merged = mergeCatalog(baseCatalog, policy.catalog);
  for (const conflict of findCatalogConflicts(merged, 'catalog'))
    problems.push(locateCatalogProblem(conflict, baseCatalog, policy));
  const known = new Set(merged.map((s) => s.id));
  policy.rules.forEach((rule, i) =>
    rule.match.services?.forEach((id, j) => {
      if (!known.has(id))
        problems.push({ path: `rules[${i}].match.services[${j}]`, message: `no catalog service "${id}"` });
    }),
  );
  policy.alternatives.forEach((id, i) => {
    if (!known.has(id)) problems.push({ path: `alternatives[${i}]`, message: `no catalog service "${id}"` });
  });
  if (problems.length) return { ok: false, problems };
  return { ok: true, policy, input: value as PolicyInput, summary: summarisePolicy(policy, merged.length) };
}

function findRuleProblems(policy: Policy): PathProblem[] {
  const seen = new Map<string, number>();
  const problems: PathProblem[] = [];
  policy.rules.forEach((rule, i) => {
    const first = seen.get(rule.id);
    if (first !== undefined) {
      problems.push({
        path: `rules[${i}].id`,
        message: `duplicate rule id "${rule.id}" (also rules[${first}])`,
      });
    } else seen.set(rule.id, i);
  });
  return problems;
}

/** Conflicts are found on the merged catalog; point them at the policy entry that caused them. */
function locateCatalogProblem(problem: PathProblem, base: Catalog, policy: Policy): PathProblem {
  const match = /^catalog\[(\d+)\](.*)$/.exec(problem.path);
  if (!match) return problem;
  const index = Number(match[1]);
  if (index >= base.length) return { ...problem, path: `catalog.add[${index - base.length}]${match[2]}` };
  const overrideIndex = policy.catalog.override.findIndex((o) => o.id === base[index]?.id);
  return overrideIndex >= 0 ? { ...problem, path: `catalog.override[${overrideIndex}]${match[2]}` } : problem;
}

export function summarisePolicy(policy: Policy, catalogSize: number): string {
  const rules = `${policy.rules.length} rule${policy.rules.length === 1 ? '' : 's'}`;
  const changes = `+${policy.catalog.add.length} added, ${policy.catalog.override.length} overridden`;
  return `policy "${policy.name}" version ${policy.version}: ${rules}, mode ${policy.mode}, fallback ${policy.fallback.action}, catalog ${catalogSize} services (${changes})`;
}
