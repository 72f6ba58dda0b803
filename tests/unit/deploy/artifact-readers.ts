// Reads each artifact back with a real parser (JSON, plist, the strict .reg grammar) and digs out what it sets.
import { parse as parsePlist } from 'plist';
import type { ArtifactTarget } from '../../../lib/deploy/artifact-target';
import { readManagedBundle } from '../../../lib/policy/managed-bundle';
import { parseRegFile, type RegValue } from './reg-file-parser';

/** The bundle the extension reads from an artifact's managed storage (its own reader, managed-bundle.ts). */
export function deliveredBundle(managed: Record<string, unknown>): unknown {
  const read = readManagedBundle(managed);
  if (read.kind !== 'bundle') throw new Error(`no bundle delivered: ${JSON.stringify(read)}`);
  return read.value;
}

export interface ReadArtifact {
  /** The managed-storage object the extension would see. */
  managed: Record<string, unknown>;
  /** Browser-wide policies (force-install list, hardening), as JSON values. */
  browser: Record<string, unknown>;
}

type Json = Record<string, unknown>;
const regRoots = {
  'chrome-windows': 'HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\Google\\Chrome',
  'edge-windows': 'HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\Microsoft\\Edge',
};
const macDomains = { 'chrome-macos': 'com.google.Chrome', 'edge-macos': 'com.microsoft.Edge' };

export function readArtifact(target: ArtifactTarget, text: string, id: string): ReadArtifact {
  switch (target) {
    case 'chrome-linux': {
      const { '3rdparty': thirdParty, ...browser } = JSON.parse(text) as Json;
      return { managed: dig(thirdParty, 'extensions', id) as Json, browser };
    }
    case 'chrome-windows':
    case 'edge-windows':
      return readReg(text, regRoots[target], id);
    case 'chrome-macos':
    case 'edge-macos': {
      const profile = parsePlist(text) as Json;
      const payloads = profile.PayloadContent as Json[];
      const domain = macDomains[target];
      const strip = (p: Json | undefined) =>
        Object.fromEntries(Object.entries(p ?? {}).filter(([k]) => !k.startsWith('Payload')));
      return {
        managed: strip(payloads.find((p) => p.PayloadType === `${domain}.extensions.${id}`)),
        browser: strip(payloads.find((p) => p.PayloadType === domain)),
      };
    }
    case 'firefox': {
      const { '3rdparty': thirdParty, ...browser } = (JSON.parse(text) as { policies: Json }).policies;
      return { managed: dig(thirdParty, 'Extensions', id) as Json, browser };
    }
    case 'google-admin': {
      const wrapped = JSON.parse(text) as Record<string, { Value: unknown }>;
      return {
        managed: Object.fromEntries(Object.entries(wrapped).map(([key, v]) => [key, v.Value])),
        browser: {},
      };
    }
  }
}

function readReg(text: string, root: string, id: string): ReadArtifact {
  const keys = parseRegFile(text);
  const managedKey = keys.get(`${root}\\3rdparty\\extensions\\${id}\\policy`) ?? new Map<string, RegValue>();
  // A string policy arrives as the REG_SZ text itself.
  const managed = Object.fromEntries([...managedKey].map(([name, v]) => [name, v.value]));
  const browser: Json = {};
  for (const [name, v] of keys.get(root) ?? []) browser[name] = v.value;
  for (const [path, values] of keys) {
    const list =
      path.startsWith(`${root}\\`) && !path.includes('\\3rdparty\\') ? path.slice(root.length + 1) : '';
    if (!list) continue;
    // List policies are REG_SZ values numbered in ascending order (from 1 unless --reg-list-start).
    const numbers = [...values.keys()].map((n) => (/^[1-9]\d*$/.test(n) ? Number(n) : NaN));
    if (numbers.some((n, i) => !(n > (i === 0 ? 0 : numbers[i - 1]!))))
      throw new Error(`${path}: list values must be numbered in ascending order`);
    browser[list] = [...values.values()].map((v) => v.value);
  }
  return { managed, browser };
}

function dig(value: unknown, ...path: string[]): unknown {
  return path.reduce<unknown>((node, key) => (node as Json | undefined)?.[key], value);
}
