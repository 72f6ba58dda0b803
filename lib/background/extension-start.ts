// What the worker does when the extension is installed or updated, or the browser starts.
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
    applyPolicy(deps, 'start'),
  ]);
}
