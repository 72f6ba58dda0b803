// The policy in force for the forwarder and the popup: what the enforcement loader stored
// (managed → last valid → default), never a second reading of managed storage.
import type { Policy } from '../policy/schema';
import { readCompiledPolicy } from './active-policy-store';

export async function loadActivePolicy(): Promise<Policy> {
  return (await readCompiledPolicy()).active.policy;
}
