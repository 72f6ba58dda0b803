import { describe, expect, it } from 'vitest';
import { artifactTargets, targetInfo, type ArtifactTarget } from '../../../lib/deploy/artifact-target';
import { compileArtifact } from '../../../lib/deploy/compile-artifact';
import { deliveredBundle, readArtifact } from './artifact-readers';
import { parseRegFile } from './reg-file-parser';
import { awkwardBundle, checked, readBundle, shippedBundleFiles } from './checked-bundle';

const chromiumId = 'hdelpkplhkpocfoajdbmibkebgpkflda';
const firefoxId = 'gatehouse@gatehouse.example';
const idFor = (t: ArtifactTarget) => (targetInfo[t].browser === 'firefox' ? firefoxId : chromiumId);
const baseOptions = (t: ArtifactTarget) => ({
  extensionId: idFor(t),
  ...(t === 'firefox' ? { updateUrl: 'https://downloads.example.org/gatehouse.xpi' } : {}),
});

function compile(input: unknown, target: ArtifactTarget, options: Record<string, unknown> = {}): string {
  const result = compileArtifact(checked(input), target, { ...baseOptions(target), ...options });
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.text;
}

const bundles: [string, unknown][] = [
  ...shippedBundleFiles.map((f): [string, unknown] => [f, readBundle(f)]),
  ['awkward characters', awkwardBundle],
];

describe.each(artifactTargets)('%s artifact', (target) => {
  it.each(bundles)(
    'carries %s as JSON text under managed-storage key "policyJson", unchanged',
    (_name, input) => {
      const artifact = readArtifact(target, compile(input, target), idFor(target));
      expect(Object.keys(artifact.managed)).toEqual(['policyJson']);
      expect(typeof artifact.managed.policyJson).toBe('string');
      expect(deliveredBundle(artifact.managed)).toEqual(input);
      // What arrives in the browser checks the same as what the admin checked.
      expect(checked(deliveredBundle(artifact.managed)).policy).toEqual(checked(input).policy);
    },
  );

  it('is the same text when compiled twice', () => {
    expect(compile(awkwardBundle, target)).toBe(compile(awkwardBundle, target));
  });
});

describe('force install', () => {
  it.each([
    ['chrome-linux', 'https://clients2.google.com/service/update2/crx'],
    ['chrome-windows', 'https://clients2.google.com/service/update2/crx'],
    ['chrome-macos', 'https://clients2.google.com/service/update2/crx'],
    ['edge-windows', 'https://edge.microsoft.com/extensionwebstorebase/v1/crx'],
    ['edge-macos', 'https://edge.microsoft.com/extensionwebstorebase/v1/crx'],
  ] as const)('%s lists the extension with the store update URL by default', (target, url) => {
    const { browser } = readArtifact(target, compile(awkwardBundle, target), chromiumId);
    expect(browser).toEqual({ ExtensionInstallForcelist: [`${chromiumId};${url}`] });
  });

  it.each(['chrome-linux', 'chrome-windows', 'edge-macos'] as const)(
    '%s uses --update-url and --extension-id when given',
    (target) => {
      const id = 'abcdefghijklmnopabcdefghijklmnop';
      const text = compile(awkwardBundle, target, {
        extensionId: id,
        updateUrl: 'https://intranet.example.org/gatehouse/updates.xml',
      });
      const artifact = readArtifact(target, text, id);
      expect(artifact.browser.ExtensionInstallForcelist).toEqual([
        `${id};https://intranet.example.org/gatehouse/updates.xml`,
      ]);
      expect(deliveredBundle(artifact.managed)).toEqual(awkwardBundle);
    },
  );

  it.each(['chrome-linux', 'edge-windows', 'chrome-macos'] as const)(
    '%s leaves the force-install list out with forceInstall: false',
    (target) => {
      const { browser, managed } = readArtifact(
        target,
        compile(awkwardBundle, target, { forceInstall: false }),
        chromiumId,
      );
      expect(browser).toEqual({});
      expect(deliveredBundle(managed)).toEqual(awkwardBundle);
    },
  );

  it('firefox force-installs from the given .xpi URL', () => {
    const policies = JSON.parse(compile(awkwardBundle, 'firefox')).policies;
    expect(policies.ExtensionSettings).toEqual({
      [firefoxId]: {
        installation_mode: 'force_installed',
        install_url: 'https://downloads.example.org/gatehouse.xpi',
      },
    });
  });

  it('firefox needs an install URL unless force install is off', () => {
    const result = compileArtifact(checked(awkwardBundle), 'firefox', { extensionId: firefoxId });
    expect(result).toMatchObject({ ok: false, problems: [{ path: '--update-url' }] });
    const allowed = compileArtifact(checked(awkwardBundle), 'firefox', {
      extensionId: firefoxId,
      forceInstall: false,
    });
    expect(allowed.ok && JSON.parse(allowed.text).policies.ExtensionSettings).toEqual({
      [firefoxId]: { installation_mode: 'allowed' },
    });
  });
});

describe('--reg-list-start', () => {
  it.each(['chrome-windows', 'edge-windows'] as const)(
    '%s numbers every list policy from the given value, so existing entries 1..N-1 stay',
    (target) => {
      const text = compile(awkwardBundle, target, { harden: true, regListStart: 7 });
      const keys = parseRegFile(text);
      const lists = [...keys].filter(([path]) => /\\Extension\w+list$/.test(path));
      expect(lists.map(([path]) => path.split('\\').pop()).sort()).toEqual([
        'ExtensionInstallAllowlist',
        'ExtensionInstallBlocklist',
        'ExtensionInstallForcelist',
      ]);
      for (const [, values] of lists) expect([...values.keys()][0]).toBe('7');
      const { browser } = readArtifact(target, text, chromiumId);
      expect(browser).toEqual(
        readArtifact(target, compile(awkwardBundle, target, { harden: true }), chromiumId).browser,
      );
    },
  );

  it('is refused for targets without registry lists, and below 1', () => {
    const refused = (target: ArtifactTarget, regListStart: number) => {
      const result = compileArtifact(checked(awkwardBundle), target, {
        ...baseOptions(target),
        regListStart,
      });
      return result.ok ? [] : result.problems.map((p) => p.path);
    };
    expect(refused('chrome-linux', 3)).toEqual(['--reg-list-start']);
    expect(refused('edge-macos', 3)).toEqual(['--reg-list-start']);
    expect(refused('chrome-windows', 0)).toEqual(['--reg-list-start']);
    expect(refused('chrome-windows', 1.5)).toEqual(['--reg-list-start']);
    expect(refused('chrome-windows', 1)).toEqual([]);
  });
});
