// The files derived from the zod schema, by path: written by scripts/generate.ts, checked by a unit test.
import { chromeManagedSchema } from '../lib/policy/managed-schema';
import { policyReferenceMarkdown } from '../lib/policy/policy-reference';

export function generatedFiles(): Record<string, string> {
  return {
    'public/managed_schema.json': JSON.stringify(chromeManagedSchema(), null, 2) + '\n',
    'docs/policy-reference.md': policyReferenceMarkdown(),
  };
}
