// Test bundles: every shipped policy file plus one with every character an artifact format must escape.
import { readdirSync, readFileSync } from 'node:fs';
import { shippedCatalog } from '../../../lib/catalog/shipped-catalog';
import { checkPolicy } from '../../../lib/policy/check-policy';
import type { CheckedBundle } from '../../../lib/deploy/compile-artifact';

export function checked(input: unknown): CheckedBundle {
  const result = checkPolicy(input, shippedCatalog());
  if (!result.ok) throw new Error(`test bundle invalid: ${JSON.stringify(result.problems)}`);
  return result;
}

export const shippedBundleFiles = [
  'policies/default.json',
  ...readdirSync('policies/examples').map((f) => `policies/examples/${f}`),
];

export function readBundle(path: string): unknown {
  return JSON.parse(readFileSync(path, 'utf8'));
}

/** Quotes, backslashes, line breaks, umlauts, an emoji and markup: what .reg, plist and JSON must carry. */
export const awkwardBundle = {
  name: 'Büro "Zürich" \\\\fileserver\\share <b>&amp;</b>',
  version: '2026.11-ä',
  rules: [
    {
      id: 'warn-cn',
      match: { jurisdictions: ['CN'] },
      action: 'warn',
      message: 'Zeile 1\nZeile 2\t"zitiert" \\ 🚀 — 中文',
      bypassMinutes: 15,
      requireJustification: true,
    },
    { id: 'block-host', match: { hosts: ['chat.example.com'] }, action: 'block' },
  ],
  fallback: { action: 'allow' },
  logging: { fullUrls: false, retentionDays: 30 },
};
