// The files derived from the zod schema and the default policy, by path: written by scripts/generate.ts,
// checked by a unit test.
import devExtension from '../keys/dev-extension.json' with { type: 'json' };
import { chromeManagedSchema } from '../lib/policy/managed-schema';
import { policyReferenceMarkdown } from '../lib/policy/policy-reference';
import { defaultPolicyRuleset } from '../lib/policy/dnr-rule';
import { defaultPolicyStaticRules } from '../lib/policy/static-ruleset';

export function generatedFiles(): Record<string, string> {
  return {
    'public/managed_schema.json': JSON.stringify(chromeManagedSchema(), null, 2) + '\n',
    'docs/policy-reference.md': policyReferenceMarkdown(),
    [`public/${defaultPolicyRuleset.path}`]: staticRulesJson(),
  };
}

/** The built-in default as a static ruleset for the Chromium build (its id comes from the pinned key). */
function staticRulesJson(): string {
  const result = defaultPolicyStaticRules(devExtension.id);
  if (!result.ok || result.problems.length)
    throw new Error(`the default policy does not fit a static ruleset: ${result.problems.join('; ')}`);
  return JSON.stringify(result.rules, null, 1) + '\n';
}
