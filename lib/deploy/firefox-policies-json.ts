// firefox: policies.json (distribution/ folder, /etc/firefox/policies/, or the GPO/Intune JSON policy).
import type { PolicyInput } from '../policy/policy-schema';
import { managedStorageValues, type ArtifactOptions } from './artifact-target';
import { firefoxHardening, type FirefoxExtensionSetting } from './hardening';

export function firefoxPoliciesJson(bundle: PolicyInput, options: ArtifactOptions): string {
  const hardening = options.harden ? firefoxHardening(options.allowExtensions) : undefined;
  const own: FirefoxExtensionSetting =
    options.forceInstall && options.updateUrl
      ? { installation_mode: 'force_installed', install_url: options.updateUrl }
      : { installation_mode: 'allowed' };
  if (hardening) own.private_browsing = true;
  const policies: Record<string, unknown> = {
    ExtensionSettings: { ...hardening?.extensionSettings, [options.extensionId]: own },
    ...hardening?.policies,
    '3rdparty': { Extensions: { [options.extensionId]: managedStorageValues(bundle) } },
  };
  return JSON.stringify({ policies }, null, 2) + '\n';
}
