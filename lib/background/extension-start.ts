// What the worker does when the extension is installed or updated, or the browser starts: once per browser
// session and extension version, as soon as the worker runs (not only when the browser's install or
// startup event arrives, tens of milliseconds or, on a busy machine, far later).
import browser from 'webextension-polyfill';
import { sessionStartItem } from '../browser/storage-items';
import { clearGrants } from './grants';
import { applyPolicy, type PolicyLoaderDeps } from './policy-loader';

/**
 * The known policy's rules go in at once (policy-loader.ts), and grants from an earlier session end: their
 * session rules are gone, but their alarms are not, and one would end a new grant on the same rule ids early.
 */
export async function onExtensionStart(deps: PolicyLoaderDeps): Promise<void> {
  await Promise.all([
    clearGrants(deps.dnr).catch((error: unknown) =>
      console.error('Gatehouse could not clear the grants of an earlier session', error),
    ),
    applyPolicy(deps, { trigger: 'start' }),
  ]);
}

/**
 * Runs onExtensionStart unless this browser session already did for this version (storage.session is
 * empty after a browser start and after an install or update). Called when the worker starts and on the
 * browser's install and startup events, whichever comes first; the rest find it done.
 */
export function createSessionStart(
  deps: PolicyLoaderDeps,
  extensionVersion = () => browser.runtime.getManifest().version,
): () => Promise<void> {
  let running: Promise<void> | undefined;
  return () =>
    (running ??= (async () => {
      const version = extensionVersion();
      if ((await sessionStartItem.read()) === version) return;
      // Noted only once done: a worker stopped halfway (the browser may stop it at any moment) leaves the
      // start to the next one, which would otherwise find it "done" and never put the policy in force.
      await onExtensionStart(deps);
      await sessionStartItem.write(version);
    })());
}
