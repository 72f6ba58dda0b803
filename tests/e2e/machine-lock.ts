// The machine-wide lock every e2e run takes while a managed-policy file (Chromium's or Firefox's) may be in
// place, so another run on this machine never launches a browser that reads it. Free of any test runner:
// the Playwright and the Firefox (vitest) suites both use it.
import { mkdirSync, rmdirSync, statSync } from 'node:fs';

const lockDir = '/tmp/gatehouse-managed-policy.lock';

/** Takes the lock: while it is held, no other run has a policy file in place. Resolves to the wait in ms. */
export async function acquireLock(timeoutMs = 300_000): Promise<number> {
  const start = Date.now();
  for (;;) {
    try {
      mkdirSync(lockDir);
      return Date.now() - start;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      // A lock left by a crashed run is stale after ten minutes.
      if (Date.now() - statSync(lockDir).mtimeMs > 600_000) rmdirSync(lockDir);
      if (Date.now() - start > timeoutMs) throw new Error(`managed-policy lock ${lockDir} is held`);
      await new Promise((r) => setTimeout(r, 250));
    }
  }
}

export function releaseLock(): void {
  rmdirSync(lockDir);
}
