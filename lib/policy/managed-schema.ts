// Generates Chrome's managed-storage schema (its JSON-schema subset) from the zod policy schema.
import { z } from 'zod';
import { managedKeys } from './managed-bundle';
import { policySchema } from './policy-schema';

type JsonSchema = { [key: string]: unknown };

// Keywords Chrome's policy schema validator understands; anything else makes chrome://policy complain.
const kept = new Set([
  'type',
  'description',
  'title',
  'properties',
  'items',
  'enum',
  'minimum',
  'maximum',
  'required',
  'additionalProperties',
]);

/**
 * `policyJson` is a plain string for Chrome (see managed-bundle.ts: nothing in it can be stripped or
 * refused before zod sees it). The object form `policy` keeps its schema from zod for deployments that
 * still use it, so Chrome goes on accepting what it accepted before.
 */
export function chromeManagedSchema(): JsonSchema {
  const policy = z.toJSONSchema(policySchema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
  return {
    type: 'object',
    properties: {
      [managedKeys.json]: {
        type: 'string',
        title: 'Gatehouse policy bundle (JSON text)',
        description:
          'The policy bundle (the shape of policies/*.json) as JSON text, as `gatehouse policy compile` writes it. Gatehouse validates it; an invalid bundle is rejected (policy_error) and the last valid one stays in force.',
      },
      [managedKeys.object]: {
        ...simplify(policy),
        title: 'Gatehouse policy bundle (object, older deployments)',
        description: `The policy bundle as an object, read only when ${managedKeys.json} is not set. Chrome drops a bundle with a value this schema refuses and strips unknown keys before Gatehouse sees it: deliver ${managedKeys.json} instead.`,
      },
    },
  };
}

function simplify(node: JsonSchema): JsonSchema {
  const variants = (node.anyOf ?? node.oneOf) as JsonSchema[] | undefined;
  if (variants) {
    // Chrome has no unions: nullable fields become their non-null type.
    const concrete = variants.find((v) => v.type !== 'null') ?? {};
    return simplify({ ...concrete, description: node.description ?? concrete.description });
  }
  const out: JsonSchema = {};
  for (const [key, value] of Object.entries(node)) {
    if (!kept.has(key) || value === undefined) continue;
    if (key === 'properties') {
      out.properties = Object.fromEntries(
        Object.entries(value as Record<string, JsonSchema>).map(([name, child]) => [name, simplify(child)]),
      );
    } else if (key === 'items') out.items = simplify(value as JsonSchema);
    else if (key === 'additionalProperties') {
      // Maps (z.record, e.g. forwarding.headers) need their value schema or Chrome drops the entries.
      if (typeof value === 'object') out.additionalProperties = simplify(value as JsonSchema);
    } else if (key === 'required')
      continue; // every field has a default or is checked by zod with a clear error
    else if (key === 'type' && Array.isArray(value)) out.type = value.find((t) => t !== 'null') ?? 'string';
    else out[key] = value;
  }
  if (out.type === 'object' && !out.properties) out.properties = {};
  if (node.const !== undefined) out.enum = [node.const];
  if (!out.type) out.type = inferType(node);
  return out;
}

function inferType(node: JsonSchema): string {
  if (Array.isArray(node.enum) && node.enum.every((v) => typeof v === 'string')) return 'string';
  return 'string';
}
