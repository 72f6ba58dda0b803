// --harden: browser policies that stop users from switching Gatehouse off. docs/deploying.md explains each.
import type { BrowserFamily } from './artifact-target';

/** A browser policy value as the platform stores it: JSON on Linux, registry values, plist entries. */
export type BrowserPolicyValue = number | boolean | string | string[];

export interface HardeningInput {
  browser: Exclude<BrowserFamily, 'firefox'>;
  extensionId: string;
  allowExtensions: readonly string[];
}

/** 1 = DevTools allowed on web pages but not on force-installed extensions (2 would block them everywhere). */
export const devToolsBlockedForPolicyExtensions = 1;
/** 1 = the developer-mode toggle on the extensions page is off and cannot be turned on. */
export const developerModeDisallowed = 1;
/** 1 = incognito (Edge: InPrivate) windows cannot be opened, so no window runs without Gatehouse. */
export const privateWindowsDisabled = 1;

export function chromiumHardening({
  browser,
  extensionId,
  allowExtensions,
}: HardeningInput): Record<string, BrowserPolicyValue> {
  return {
    DeveloperToolsAvailability: devToolsBlockedForPolicyExtensions,
    ExtensionDeveloperModeSettings: developerModeDisallowed,
    [browser === 'edge' ? 'InPrivateModeAvailability' : 'IncognitoModeAvailability']: privateWindowsDisabled,
    // Extensions do not run in a Guest profile either: it would be a browser without Gatehouse.
    BrowserGuestModeEnabled: false,
    ExtensionInstallBlocklist: ['*'],
    ExtensionInstallAllowlist: unique([extensionId, ...allowExtensions]),
  };
}

export interface FirefoxExtensionSetting {
  installation_mode: 'force_installed' | 'allowed' | 'blocked';
  install_url?: string;
  private_browsing?: boolean;
}

/**
 * Firefox can run an extension in private windows by policy, so private browsing stays available;
 * it cannot scope DevTools to extensions, so DisableDeveloperTools blocks them everywhere. Its policies
 * cannot grant or lock an add-on's host permissions (nothing in ExtensionSettings does, as of ESR 140),
 * and users withdraw them in about:addons: BlockAboutAddons closes that page (the other add-ons are
 * blocked here anyway).
 */
export function firefoxHardening(allowExtensions: readonly string[]): {
  extensionSettings: Record<string, FirefoxExtensionSetting>;
  policies: Record<string, boolean>;
} {
  return {
    extensionSettings: {
      '*': { installation_mode: 'blocked' },
      ...Object.fromEntries(allowExtensions.map((id) => [id, { installation_mode: 'allowed' as const }])),
    },
    policies: { DisableDeveloperTools: true, BlockAboutAddons: true },
  };
}

function unique(ids: string[]): string[] {
  return [...new Set(ids)];
}
