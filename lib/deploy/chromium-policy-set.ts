// The policies one Chrome or Edge artifact sets, before a platform format (JSON, .reg, plist) renders them.
import type { PolicyInput } from '../policy/policy-schema';
import { managedStorageValues, type ArtifactOptions } from './artifact-target';
import { chromiumHardening, type BrowserPolicyValue } from './hardening';

export interface ChromiumPolicySet {
  extensionId: string;
  /** Browser-wide policies: the force-install list and, with --harden, the hardening settings. */
  browser: Record<string, BrowserPolicyValue>;
  /** What chrome.storage.managed holds for the extension. */
  extension: ReturnType<typeof managedStorageValues>;
}

export function chromiumPolicySet(
  bundle: PolicyInput,
  browser: 'chrome' | 'edge',
  options: ArtifactOptions,
): ChromiumPolicySet {
  const policies: Record<string, BrowserPolicyValue> = {};
  if (options.forceInstall && options.updateUrl)
    policies.ExtensionInstallForcelist = [`${options.extensionId};${options.updateUrl}`];
  if (options.harden)
    Object.assign(
      policies,
      chromiumHardening({
        browser,
        extensionId: options.extensionId,
        allowExtensions: options.allowExtensions,
      }),
    );
  return { extensionId: options.extensionId, browser: policies, extension: managedStorageValues(bundle) };
}
