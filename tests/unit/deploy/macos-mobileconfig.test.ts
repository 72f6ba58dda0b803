import { parse } from 'plist';
import { describe, expect, it } from 'vitest';
import { compileArtifact } from '../../../lib/deploy/compile-artifact';
import { deliveredBundle, readArtifact } from './artifact-readers';
import { awkwardBundle, checked } from './checked-bundle';

const id = 'hdelpkplhkpocfoajdbmibkebgpkflda';
type Payload = Record<string, unknown>;

function profile(input: unknown, target: 'chrome-macos' | 'edge-macos' = 'chrome-macos') {
  const result = compileArtifact(checked(input), target, { extensionId: id });
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return parse(result.text) as Payload & { PayloadContent: Payload[] };
}
const uuids = (p: ReturnType<typeof profile>) => [
  p.PayloadUUID,
  ...p.PayloadContent.map((c) => c.PayloadUUID),
];

describe('macOS configuration profile', () => {
  it('is a Configuration profile with a browser payload and the extension-domain payload', () => {
    const p = profile(awkwardBundle);
    expect(p).toMatchObject({
      PayloadType: 'Configuration',
      PayloadVersion: 1,
      PayloadScope: 'System',
      PayloadIdentifier: `org.gatehouse.policy.chrome.${id}`,
      PayloadDisplayName: expect.stringContaining('version 2026.11-ä'),
    });
    expect(p.PayloadContent.map((c) => [c.PayloadType, c.PayloadIdentifier])).toEqual([
      ['com.google.Chrome', `org.gatehouse.policy.chrome.${id}.browser`],
      [`com.google.Chrome.extensions.${id}`, `org.gatehouse.policy.chrome.${id}.extension`],
    ]);
    expect(profile(awkwardBundle, 'edge-macos').PayloadContent.map((c) => c.PayloadType)).toEqual([
      'com.microsoft.Edge',
      `com.microsoft.Edge.extensions.${id}`,
    ]);
  });

  it('derives distinct, well-formed UUIDs from the content, so the same bundle gives the same profile', () => {
    const first = uuids(profile(awkwardBundle));
    expect(new Set(first).size).toBe(3);
    for (const uuid of first)
      expect(uuid).toMatch(/^[0-9A-F]{8}-[0-9A-F]{4}-8[0-9A-F]{3}-[89AB][0-9A-F]{3}-[0-9A-F]{12}$/);
    expect(uuids(profile(awkwardBundle))).toEqual(first);
    const changed = profile({ ...awkwardBundle, version: '2026.12' });
    expect(uuids(changed).some((u) => first.includes(u as string))).toBe(false);
    // The identifier does not change, so the new profile replaces the old one on the Mac.
    expect(changed.PayloadIdentifier).toBe(profile(awkwardBundle).PayloadIdentifier);
  });

  it('carries a bundle with null, which a property list could not hold as a value, inside its JSON text', () => {
    const withNull = {
      name: 'n',
      version: '1',
      catalog: {
        add: [
          {
            id: 'intranet-chat',
            name: 'Intranet chat',
            operator: 'Example AG',
            operatorCountry: 'DE',
            parentCompany: null,
            parentCountry: 'DE',
            jurisdiction: 'DE',
            confidence: 'high',
            category: 'chat',
            hosts: ['chat.intranet.example'],
          },
        ],
      },
    };
    const result = compileArtifact(checked(withNull), 'chrome-macos', { extensionId: id });
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    const { managed } = readArtifact('chrome-macos', result.text, id);
    expect(deliveredBundle(managed)).toEqual(withNull);
  });
});
