import { describe, expect, it } from 'vitest';
import type { ArtifactTarget } from '../../../lib/deploy/artifact-target';
import { compileArtifact } from '../../../lib/deploy/compile-artifact';
import { deliveredBundle, readArtifact } from './artifact-readers';
import { awkwardBundle, checked } from './checked-bundle';

const id = 'hdelpkplhkpocfoajdbmibkebgpkflda';
const other = 'cjpalhdlnbpafiamejdnhcphjbkeiagm';
const forcelist = (url: string) => [`${id};${url}`];
const chromeStore = 'https://clients2.google.com/service/update2/crx';
const edgeStore = 'https://edge.microsoft.com/extensionwebstorebase/v1/crx';

function browserPolicies(target: ArtifactTarget, options: Record<string, unknown>) {
  const result = compileArtifact(checked(awkwardBundle), target, { extensionId: id, ...options });
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return readArtifact(target, result.text, id);
}

const chromeHardening = {
  DeveloperToolsAvailability: 1,
  ExtensionDeveloperModeSettings: 1,
  IncognitoModeAvailability: 1,
  BrowserGuestModeEnabled: false,
  ExtensionInstallBlocklist: ['*'],
  ExtensionInstallAllowlist: [id, other],
};
const { IncognitoModeAvailability: _incognito, ...common } = chromeHardening;
const edgeHardening = { ...common, InPrivateModeAvailability: 1 };
// The registry has no boolean: a .reg file holds false as DWORD 0, which Chrome and Edge read as false.
const asReg = <T extends object>(hardening: T) => ({ ...hardening, BrowserGuestModeEnabled: 0 });

describe('--harden', () => {
  it.each([
    ['chrome-linux', chromeStore, chromeHardening],
    ['chrome-windows', chromeStore, asReg(chromeHardening)],
    ['chrome-macos', chromeStore, chromeHardening],
    ['edge-windows', edgeStore, asReg(edgeHardening)],
    ['edge-macos', edgeStore, edgeHardening],
  ] as const)('%s adds the hardening policies and keeps the bundle', (target, store, hardening) => {
    const artifact = browserPolicies(target, { harden: true, allowExtensions: [other, id] });
    expect(artifact.browser).toEqual({ ExtensionInstallForcelist: forcelist(store), ...hardening });
    expect(deliveredBundle(artifact.managed)).toEqual(awkwardBundle);
  });

  it.each(['chrome-linux', 'edge-windows', 'chrome-macos'] as const)(
    '%s sets no hardening policy without --harden',
    (target) => {
      expect(Object.keys(browserPolicies(target, { allowExtensions: [other] }).browser)).toEqual([
        'ExtensionInstallForcelist',
      ]);
    },
  );

  it('firefox blocks other add-ons, keeps Gatehouse in private windows and disables DevTools', () => {
    const result = compileArtifact(checked(awkwardBundle), 'firefox', {
      extensionId: 'gatehouse@gatehouse.example',
      updateUrl: 'https://downloads.example.org/gatehouse.xpi',
      harden: true,
      allowExtensions: ['uBlock0@raymondhill.net'],
    });
    expect(result.ok).toBe(true);
    const policies = result.ok && JSON.parse(result.text).policies;
    expect(policies.ExtensionSettings).toEqual({
      '*': { installation_mode: 'blocked' },
      'uBlock0@raymondhill.net': { installation_mode: 'allowed' },
      'gatehouse@gatehouse.example': {
        installation_mode: 'force_installed',
        install_url: 'https://downloads.example.org/gatehouse.xpi',
        private_browsing: true,
      },
    });
    expect(policies.DisableDeveloperTools).toBe(true);
    // Users withdraw host permissions in about:addons; no Firefox policy grants or locks them.
    expect(policies.BlockAboutAddons).toBe(true);
  });

  it('google-admin refuses it: those settings live in the console', () => {
    const result = compileArtifact(checked(awkwardBundle), 'google-admin', { extensionId: id, harden: true });
    expect(result).toMatchObject({ ok: false, problems: [{ path: '--harden' }] });
  });

  it.each([
    ['chrome-linux', ['not-an-id'], '--allow-extension[0]'],
    ['firefox', [id], '--allow-extension[0]'],
  ] as const)('%s rejects an allowlist id of the wrong kind', (target, allow, path) => {
    const result = compileArtifact(checked(awkwardBundle), target, {
      extensionId: target === 'firefox' ? 'gatehouse@gatehouse.example' : id,
      updateUrl: 'https://downloads.example.org/x',
      harden: true,
      allowExtensions: allow,
    });
    expect(result).toMatchObject({ ok: false, problems: [{ path }] });
  });
});
