// The built-in default policy (policies/default.json), used when no managed policy is set.
import raw from '../../policies/default.json';
import { policySchema, type Policy } from './policy-schema';

let parsed: Policy | undefined;

export function defaultPolicy(): Policy {
  parsed ??= policySchema.parse(raw);
  return parsed;
}
