// Generates the policy reference table (docs/policy-reference.md) from the zod schema.
import { z } from 'zod';
import { policySchema } from './policy-schema';

type JsonSchema = { [key: string]: unknown };

interface Row {
  path: string;
  type: string;
  defaultValue: string;
  description: string;
}

export function policyReferenceMarkdown(): string {
  const schema = z.toJSONSchema(policySchema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
  const rows: Row[] = [];
  walk(schema, '', rows);
  const escape = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
  return [
    '# Policy bundle reference',
    '',
    '<!-- Generated from lib/policy/policy-schema.ts by `npm run generate`; do not edit by hand. -->',
    '',
    'Every key of a policy bundle (`policies/*.json`, delivered as JSON text in the managed-storage key `policyJson`). `[]` marks an array element.',
    '',
    '| Key | Type | Default | Meaning |',
    '|---|---|---|---|',
    ...rows.map(
      (r) => `| \`${r.path}\` | ${escape(r.type)} | ${escape(r.defaultValue)} | ${escape(r.description)} |`,
    ),
    '',
  ].join('\n');
}

function walk(node: JsonSchema, path: string, rows: Row[]): void {
  const concrete = unwrap(node);
  if (path && path !== '$schema') {
    rows.push({
      path,
      type: describeType(concrete),
      defaultValue: node.default !== undefined ? `\`${JSON.stringify(node.default)}\`` : '',
      description: String(node.description ?? concrete.description ?? ''),
    });
  }
  const properties = concrete.properties as Record<string, JsonSchema> | undefined;
  if (properties) {
    for (const [key, child] of Object.entries(properties)) walk(child, path ? `${path}.${key}` : key, rows);
  }
  const items = concrete.items as JsonSchema | undefined;
  if (items && (unwrap(items).properties as object | undefined)) walk(items, `${path}[]`, rows);
}

function unwrap(node: JsonSchema): JsonSchema {
  const variants = (node.anyOf ?? node.oneOf) as JsonSchema[] | undefined;
  return variants ? (variants.find((v) => v.type !== 'null') ?? node) : node;
}

function describeType(node: JsonSchema): string {
  if (Array.isArray(node.enum)) return node.enum.map((v) => `\`${String(v)}\``).join(' | ');
  if (node.type === 'array') {
    const items = unwrap((node.items as JsonSchema | undefined) ?? {});
    return `array of ${items.properties ? 'objects' : describeType(items)}`;
  }
  const type = Array.isArray(node.type)
    ? node.type.filter((t) => t !== 'null').join(' or ')
    : String(node.type ?? 'any');
  const range = [
    node.minimum !== undefined ? `≥ ${String(node.minimum)}` : '',
    node.maximum !== undefined ? `≤ ${String(node.maximum)}` : '',
  ].filter(Boolean);
  return range.length ? `${type} (${range.join(', ')})` : type;
}
