// The files derived from code (the zod schemas, the default policy, the CLI's help), by path: written by
// scripts/generate.ts, checked by a unit test.
import devExtension from '../keys/dev-extension.json' with { type: 'json' };
import { cliReferenceMarkdown } from '../cli/cli-reference';
import { whatIsLoggedMarkdown } from '../lib/log/what-is-logged';
import { chromeManagedSchema } from '../lib/policy/managed-schema';
import { policyReferenceMarkdown } from '../lib/policy/policy-reference';
import { defaultPolicyRuleset } from '../lib/policy/dnr-rule';
import { defaultPolicyStaticRules } from '../lib/policy/static-ruleset';

export async function generatedFiles(): Promise<Record<string, string>> {
  return {
    'public/managed_schema.json': JSON.stringify(chromeManagedSchema(), null, 2) + '\n',
    'docs/policy-reference.md': policyReferenceMarkdown(),
    'docs/what-is-logged.md': whatIsLoggedMarkdown(),
    'docs/cli.md': await cliReferenceMarkdown(),
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
