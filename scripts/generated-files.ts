// The files derived from code (the zod schemas, the CLI's help), by path: written by scripts/generate.ts,
// checked by a unit test.
import { cliReferenceMarkdown } from '../cli/cli-reference';
import { whatIsLoggedMarkdown } from '../lib/log/what-is-logged';
import { chromeManagedSchema } from '../lib/policy/managed-schema';
import { policyReferenceMarkdown } from '../lib/policy/policy-reference';

export async function generatedFiles(): Promise<Record<string, string>> {
  return {
    'public/managed_schema.json': JSON.stringify(chromeManagedSchema(), null, 2) + '\n',
    'docs/policy-reference.md': policyReferenceMarkdown(),
    'docs/what-is-logged.md': whatIsLoggedMarkdown(),
    'docs/cli.md': await cliReferenceMarkdown(),
  };
}
