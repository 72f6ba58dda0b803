// How the organisation's bundle reaches managed storage. Chrome filters managed values through
// managed_schema.json before the extension sees them: a value the schema rejects arrives as no policy at
// all, and unknown (misspelled) keys are stripped silently. So the bundle travels as JSON text in
// `policyJson`: a string passes Chrome's schema check unchanged whatever it holds, and zod (checkPolicy) is
// the only validator. The object form `policy` is still read for deployments made before.
import { parseJsonText } from '../problems/format-problems';

/** The managed-storage keys, in the order they are preferred. */
export const managedKeys = {
  /** The bundle as JSON text: what `policy compile` writes. */
  json: 'policyJson',
  /** The bundle as an object (deployments from before policyJson); Chrome may have altered it. */
  object: 'policy',
} as const;

export type ManagedBundle =
  /** Neither key is set: the administrator removed the policy (or never set one). */
  | { kind: 'absent' }
  | { kind: 'bundle'; key: (typeof managedKeys)[keyof typeof managedKeys]; value: unknown }
  /** Something is set but is no bundle (policyJson not a string, or not JSON). */
  | { kind: 'unreadable'; problem: string };

export function readManagedBundle(values: { policyJson?: unknown; policy?: unknown }): ManagedBundle {
  const { policyJson, policy } = values;
  if (policyJson !== undefined && policyJson !== null) {
    if (typeof policyJson !== 'string')
      return {
        kind: 'unreadable',
        problem: `${managedKeys.json} must be the bundle as JSON text (a string), not ${kindOf(policyJson)}`,
      };
    const parsed = parseJsonText(policyJson);
    if (!parsed.ok)
      return {
        kind: 'unreadable',
        problem: `${managedKeys.json}: ${parsed.problem.path}: ${parsed.problem.message}`,
      };
    return { kind: 'bundle', key: managedKeys.json, value: parsed.value };
  }
  if (policy !== undefined && policy !== null)
    return { kind: 'bundle', key: managedKeys.object, value: policy };
  return { kind: 'absent' };
}

function kindOf(value: unknown): string {
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}
