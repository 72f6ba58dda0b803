import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { chromeManagedSchema } from '../../../lib/policy/managed-schema';
import { generatedFiles } from '../../../scripts/generated-files';

const files = await generatedFiles();

describe('files generated from code', () => {
  it.each(Object.entries(files))('%s is current (run `npm run generate`)', (path, content) => {
    expect(readFileSync(path, 'utf8')).toBe(content);
  });
});

describe('the managed-storage schema uses only what Chrome accepts', () => {
  const allowed = new Set([
    'type',
    'description',
    'title',
    'properties',
    'items',
    'enum',
    'minimum',
    'maximum',
    'additionalProperties',
  ]);
  const types = new Set(['object', 'array', 'string', 'integer', 'number', 'boolean']);

  function check(node: Record<string, unknown>, path: string, problems: string[]): void {
    for (const key of Object.keys(node)) if (!allowed.has(key)) problems.push(`${path}: keyword "${key}"`);
    if (typeof node.type !== 'string' || !types.has(node.type))
      problems.push(`${path}: type ${JSON.stringify(node.type)}`);
    if (node.type === 'array' && !node.items) problems.push(`${path}: array without items`);
    for (const [name, child] of Object.entries(
      (node.properties ?? {}) as Record<string, Record<string, unknown>>,
    )) {
      check(child, `${path}.${name}`, problems);
    }
    if (node.items) check(node.items as Record<string, unknown>, `${path}[]`, problems);
    if (node.additionalProperties)
      check(node.additionalProperties as Record<string, unknown>, `${path}{}`, problems);
  }

  it('every node has one valid type and no unsupported keyword', () => {
    const problems: string[] = [];
    check(chromeManagedSchema(), '', problems);
    expect(problems).toEqual([]);
  });

  it('takes the bundle as JSON text under "policyJson": a string Chrome passes on unaltered', () => {
    const schema = chromeManagedSchema() as { properties: Record<string, { type: string }> };
    expect(schema.properties.policyJson).toMatchObject({ type: 'string' });
    expect(Object.keys(schema.properties)).toEqual(['policyJson', 'policy']);
  });

  it('still describes the object form under "policy" (older deployments) with its rules and actions', () => {
    const schema = chromeManagedSchema() as {
      properties: {
        policy: { properties: { rules: { items: { properties: { action: { enum: string[] } } } } } };
      };
    };
    expect(schema.properties.policy.properties.rules.items.properties.action.enum).toEqual([
      'allow',
      'warn',
      'block',
    ]);
  });
});
