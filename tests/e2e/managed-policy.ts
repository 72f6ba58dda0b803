// Writes a machine-wide Chromium managed policy for the Gatehouse extension while a test runs.
// An exclusive lock (a directory) keeps helpers and parallel runs from overlapping; always removed.
import { mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export const managedPolicyDir = '/etc/chromium/policies/managed';
const lockDir = '/tmp/gatehouse-managed-policy.lock';
const staleLockMs = 10 * 60_000;
const extensionId = (JSON.parse(readFileSync('keys/dev-extension.json', 'utf8')) as { id: string }).id;

async function acquireLock(timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      mkdirSync(lockDir);
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      // A lock left by a crashed run would block everyone forever.
      const lock = statSync(lockDir, { throwIfNoEntry: false });
      if (lock && Date.now() - lock.mtimeMs > staleLockMs) {
        rmSync(lockDir, { recursive: true, force: true });
        continue;
      }
      if (Date.now() > deadline)
        throw new Error(`managed-policy lock ${lockDir} still held after ${timeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
}

/** Runs `fn` while `policy` is the extension's managed `policy` key, under the lock. */
export async function withManagedPolicy<T>(name: string, policy: unknown, fn: () => Promise<T>): Promise<T> {
  await acquireLock(240_000);
  const file = path.join(managedPolicyDir, `${name}.json`);
  try {
    mkdirSync(managedPolicyDir, { recursive: true });
    writeFileSync(file, JSON.stringify({ '3rdparty': { extensions: { [extensionId]: { policy } } } }));
    return await fn();
  } finally {
    rmSync(file, { force: true });
    rmSync(lockDir, { recursive: true, force: true });
  }
}
