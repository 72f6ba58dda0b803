// Which policy is in force: the managed one if valid, else the last valid one, else the built-in default.
import type { Catalog } from '../catalog/catalog-schema';
import type { PolicySource } from './policy-source';
import { checkPolicy } from './check-policy';
import type { ManagedBundle } from './managed-bundle';
import type { PathProblem } from '../problems/format-problems';
import type { Policy } from './policy-schema';

export interface PolicyResolution {
  policy: Policy;
  source: PolicySource;
  /** The managed bundle as delivered, when it is the policy in force (kept as the last valid one). */
  bundle?: unknown;
  /** Why the managed policy was not used; each becomes a policy_error event. */
  problems: string[];
}

/**
 * An invalid or unreadable managed policy never weakens enforcement: the last valid policy (or the
 * default, if there never was one) stays in force. No managed policy at all means the administrator
 * removed it: the default.
 */
export function resolvePolicy(
  managed: ManagedBundle,
  lastValid: unknown,
  fallback: Policy,
  catalog: Catalog,
): PolicyResolution {
  if (managed.kind === 'absent') return { policy: fallback, source: 'default', problems: [] };
  let problems: string[];
  if (managed.kind === 'bundle') {
    const check = checkPolicy(managed.value, catalog);
    if (check.ok) return { policy: check.policy, source: 'managed', bundle: managed.value, problems: [] };
    problems = [`managed policy rejected: ${formatProblems(check.problems)}`];
  } else problems = [`managed policy rejected: ${managed.problem}`];
  if (lastValid !== undefined) {
    const previous = checkPolicy(lastValid, catalog);
    if (previous.ok) return { policy: previous.policy, source: 'last-valid', problems };
    problems.push(`the stored last valid policy no longer validates: ${formatProblems(previous.problems)}`);
  }
  return { policy: fallback, source: 'default', problems };
}

function formatProblems(problems: PathProblem[]): string {
  return problems.map((p) => `${p.path}: ${p.message}`).join('; ');
}
