// The MDM artifacts `policy compile` can produce, and the options each one takes.
import { z } from 'zod';
import { managedKeys } from '../policy/managed-bundle';
import type { PolicyInput } from '../policy/policy-schema';

export const artifactTargets = [
  'chrome-linux',
  'chrome-windows',
  'edge-windows',
  'chrome-macos',
  'edge-macos',
  'firefox',
  'google-admin',
] as const;
export type ArtifactTarget = (typeof artifactTargets)[number];

/**
 * What chrome.storage.managed holds for the extension, as every artifact writes it: the bundle as JSON text
 * under `policyJson`, so the browser's schema check can neither strip nor refuse any of it
 * (lib/policy/managed-bundle.ts). The text is the bundle exactly as written, on one line.
 */
export function managedStorageValues(bundle: PolicyInput): { [managedKeys.json]: string } {
  return { [managedKeys.json]: JSON.stringify(bundle) };
}

export type BrowserFamily = 'chrome' | 'edge' | 'firefox';

export interface TargetInfo {
  browser: BrowserFamily;
  /** What the artifact is, for --help. */
  description: string;
  /** A file name that fits the artifact, for docs and --out suggestions. */
  fileName: string;
  /** The update URL used when --update-url is not given; Firefox has none (it needs the .xpi's URL). */
  defaultUpdateUrl?: string;
  /** Whether the artifact force-installs the extension (the Admin console does that in its own UI). */
  installs: boolean;
  /** Whether --harden can be expressed in this artifact. */
  hardening: boolean;
}

export const chromeWebStoreUpdateUrl = 'https://clients2.google.com/service/update2/crx';
export const edgeAddonsUpdateUrl = 'https://edge.microsoft.com/extensionwebstorebase/v1/crx';

export const targetInfo: Record<ArtifactTarget, TargetInfo> = {
  'chrome-linux': {
    browser: 'chrome',
    description: 'JSON for /etc/opt/chrome/policies/managed/ (Chromium: /etc/chromium/policies/managed/)',
    fileName: 'gatehouse.json',
    defaultUpdateUrl: chromeWebStoreUpdateUrl,
    hardening: true,
    installs: true,
  },
  'chrome-windows': {
    browser: 'chrome',
    description: '.reg file for HKLM\\SOFTWARE\\Policies\\Google\\Chrome (GPO, Intune script)',
    fileName: 'gatehouse-chrome.reg',
    defaultUpdateUrl: chromeWebStoreUpdateUrl,
    hardening: true,
    installs: true,
  },
  'edge-windows': {
    browser: 'edge',
    description: '.reg file for HKLM\\SOFTWARE\\Policies\\Microsoft\\Edge (GPO, Intune script)',
    fileName: 'gatehouse-edge.reg',
    defaultUpdateUrl: edgeAddonsUpdateUrl,
    hardening: true,
    installs: true,
  },
  'chrome-macos': {
    browser: 'chrome',
    description: '.mobileconfig configuration profile for Google Chrome (Jamf, Intune, Kandji…)',
    fileName: 'gatehouse-chrome.mobileconfig',
    defaultUpdateUrl: chromeWebStoreUpdateUrl,
    hardening: true,
    installs: true,
  },
  'edge-macos': {
    browser: 'edge',
    description: '.mobileconfig configuration profile for Microsoft Edge',
    fileName: 'gatehouse-edge.mobileconfig',
    defaultUpdateUrl: edgeAddonsUpdateUrl,
    hardening: true,
    installs: true,
  },
  firefox: {
    browser: 'firefox',
    description: 'policies.json with ExtensionSettings (force install) and 3rdparty.Extensions',
    fileName: 'policies.json',
    hardening: true,
    installs: true,
  },
  'google-admin': {
    browser: 'chrome',
    description: 'JSON for the Google Admin console, "Policy for extensions" field',
    fileName: 'gatehouse-google-admin.json',
    hardening: false,
    installs: false,
  },
};

/** Chromium extension ids: 32 letters a–p (the hex of the key's SHA-256, shifted into a–p). */
export const chromiumExtensionId = z
  .string()
  .regex(
    /^[a-p]{32}$/,
    'expected a Chromium extension id: 32 letters a-p, such as "hdelpkplhkpocfoajdbmibkebgpkflda"',
  );

/** Firefox add-on ids: an email-like id or a {GUID}, as browser_specific_settings.gecko.id allows. */
export const firefoxAddonId = z
  .string()
  .max(255)
  .regex(
    /^([A-Za-z0-9._+-]+@[A-Za-z0-9.-]+|\{[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\})$/,
    'expected a Firefox add-on id such as "gatehouse@gatehouse.example" or "{xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx}"',
  );

export function extensionIdSchema(target: ArtifactTarget): z.ZodString {
  return targetInfo[target].browser === 'firefox' ? firefoxAddonId : chromiumExtensionId;
}

const httpsUrl = z
  .url({ protocol: /^https?$/, error: 'expected an http(s) URL' })
  .describe('update URL (Chromium) or .xpi install URL (Firefox)');

/** Options after the CLI (or a caller) resolved defaults; parsed again here because it is a boundary. */
export function artifactOptionsSchema(target: ArtifactTarget) {
  const id = extensionIdSchema(target);
  return z.strictObject({
    extensionId: id,
    updateUrl: httpsUrl.optional(),
    forceInstall: z.boolean().default(true),
    harden: z.boolean().default(false),
    allowExtensions: z.array(id).default([]),
    /** Windows targets: the number of the first registry value in each list policy. */
    regListStart: z
      .number({ error: 'expected a whole number' })
      .int('expected a whole number')
      .min(1)
      .max(999_999)
      .default(1),
  });
}
export type ArtifactOptions = z.infer<ReturnType<typeof artifactOptionsSchema>>;

export function isArtifactTarget(value: string): value is ArtifactTarget {
  return (artifactTargets as readonly string[]).includes(value);
}
