// Prints, as JSON, every regexFilter the compiler emits for the shipped policies and a few extreme ones, and
// those of the static ruleset. Run with tsx by dnr-regex-support.spec.ts (Playwright's loader cannot import
// lib/, whose JSON imports carry no import attributes).
import { readdirSync, readFileSync } from 'node:fs';
import { shippedCatalog } from '../../lib/catalog/shipped-catalog';
import { compileDnrRules } from '../../lib/policy/compile-dnr-rules';
import { compilePolicy } from '../../lib/policy/compile-policy';
import { chromeDnrLimits, defaultPolicyRuleset, type DnrRule } from '../../lib/policy/dnr-rule';
import { policySchema } from '../../lib/policy/policy-schema';

const files = [
  'policies/default.json',
  ...readdirSync('policies/examples').map((f) => `policies/examples/${f}`),
];
const bundles = [
  ...files.map((f) => JSON.parse(readFileSync(f, 'utf8')) as unknown),
  { name: 'block every AI service', version: '1', fallback: { action: 'block' } },
  { name: 'warn on every AI service', version: '1', fallback: { action: 'warn' } },
];
const target = { browser: 'chromium' as const, blockPageUrl: 'x', warnPageUrl: 'y', limits: chromeDnrLimits };
const rules = bundles.flatMap(
  (b) => compileDnrRules(compilePolicy(policySchema.parse(b), shippedCatalog()), target).rules,
);
const shipped = JSON.parse(readFileSync(`public/${defaultPolicyRuleset.path}`, 'utf8')) as DnrRule[];
console.log(
  JSON.stringify([...new Set([...rules, ...shipped].flatMap((r) => r.condition.regexFilter ?? []))]),
);
