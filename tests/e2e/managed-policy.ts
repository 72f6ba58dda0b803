// Writes a machine-wide Chromium managed policy for the extension, under a lock shared by every helper.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { test, type Page } from '@playwright/test';
import { acquireLock, releaseLock } from './machine-lock';
import { extensionId } from './stand-in';

export { acquireLock, releaseLock };

export const managedPolicyDir = '/etc/chromium/policies/managed';

/**
 * The Chromium policy file that gives the extension its bundle in storage.managed, as `policy compile`
 * writes it: JSON text under `policyJson` (lib/policy/managed-bundle.ts).
 */
export function extensionPolicyFile(bundle: unknown): unknown {
  return { '3rdparty': { extensions: { [extensionId]: { policyJson: JSON.stringify(bundle) } } } };
}

/** The object form under `policy`, as deployments made before `policyJson` have it. */
export function extensionPolicyObjectFile(policy: unknown): unknown {
  return { '3rdparty': { extensions: { [extensionId]: { policy } } } };
}

/** acquireLock inside a test: the wait for other runs does not count against the test's own time. */
export async function acquireLockForTest(): Promise<void> {
  const info = test.info();
  const budget = info.timeout;
  info.setTimeout(0);
  const waited = await acquireLock();
  info.setTimeout(budget + waited);
}

/**
 * Runs `fn` while /etc/chromium/policies/managed/<name>.json holds `json`. The file and the lock are
 * removed afterwards, whatever happens. `write` lets the test replace the file's content mid-run.
 */
export async function withManagedPolicy<T>(
  name: string,
  json: unknown,
  fn: (write: (next: unknown) => void) => Promise<T>,
): Promise<T> {
  const file = `${managedPolicyDir}/${name}.json`;
  await acquireLockForTest();
  try {
    mkdirSync(managedPolicyDir, { recursive: true });
    const write = (next: unknown) => writeFileSync(file, JSON.stringify(next, null, 2));
    write(json);
    return await fn(write);
  } finally {
    rmSync(file, { force: true });
    releaseLock();
  }
}

/** Makes Chromium re-read policy files now (chrome://policy "Reload policies") instead of in a while. */
export async function reloadPolicies(page: Page): Promise<void> {
  await page.goto('chrome://policy');
  await page.locator('#reload-policies').click();
}
