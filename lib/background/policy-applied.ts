// Listeners told when a policy is in force (the paste guard and the forwarder hook in here).
import type { ActivePolicy } from '../policy/active-policy';

export type PolicyAppliedListener = (active: ActivePolicy) => void | Promise<void>;

const listeners: PolicyAppliedListener[] = [];

export function onPolicyApplied(listener: PolicyAppliedListener): () => void {
  listeners.push(listener);
  return () => {
    const i = listeners.indexOf(listener);
    if (i >= 0) listeners.splice(i, 1);
  };
}

/** Runs every listener; one that fails does not stop the others, and its error is returned. */
export async function notifyPolicyApplied(active: ActivePolicy): Promise<string[]> {
  const errors: string[] = [];
  for (const listener of [...listeners]) {
    try {
      await listener(active);
    } catch (error) {
      errors.push(error instanceof Error ? error.message : String(error));
    }
  }
  return errors;
}
