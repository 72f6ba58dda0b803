import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { catalogSchema } from '../../../lib/catalog/catalog-schema';
import { stripCatalogForBundle } from '../../../lib/catalog/strip-catalog';
import { findCatalogConflicts, validateCatalog } from '../../../lib/catalog/validate-catalog';

const raw: unknown = JSON.parse(readFileSync('policies/catalog.json', 'utf8'));
const research = JSON.parse(readFileSync('../shared/catalog/services.json', 'utf8')) as { id: string }[];

describe('the shipped catalog', () => {
  it('validates with no duplicate ids or conflicting hosts', () => {
    const result = validateCatalog(raw);
    expect(result.ok ? [] : result.problems).toEqual([]);
  });

  it('keeps every researched service and its sources', () => {
    const catalog = catalogSchema.parse(raw);
    expect(catalog.map((s) => s.id).sort()).toEqual(research.map((s) => s.id).sort());
    expect(catalog.every((s) => (s.sources?.evidence.length ?? 0) > 0)).toBe(true);
  });

  it('ships to the extension without sources', () => {
    const stripped = stripCatalogForBundle(raw);
    expect(stripped).toHaveLength(catalogSchema.parse(raw).length);
    expect(stripped.some((s) => 'sources' in s || 'notes' in s)).toBe(false);
    expect(JSON.stringify(stripped).length).toBeLessThan(JSON.stringify(raw).length * 0.6);
  });
});

describe('catalog validation catches', () => {
  const svc = (id: string, hosts: string[]) => ({
    id,
    name: id,
    operator: id,
    operatorCountry: 'US',
    parentCountry: 'US',
    jurisdiction: 'US',
    confidence: 'low',
    category: 'chat',
    hosts,
  });
  it.each([
    ['duplicate ids', [svc('a', ['a.example']), svc('a', ['b.example'])], '[1].id: duplicate service id "a"'],
    [
      'a host in two services',
      [svc('a', ['x.example']), svc('b', ['x.example'])],
      'claimed by both "a" and "b"',
    ],
    ['a host twice in one service', [svc('a', ['x.example', 'x.example'])], 'listed twice in service "a"'],
    ['upper-case host', [svc('a', ['X.example'])], '[0].hosts[0]: expected a lower-case host name'],
  ])('%s', (_name, input, expected) => {
    const result = validateCatalog(input);
    expect(result.ok ? '' : result.problems.map((p) => `${p.path}: ${p.message}`).join('\n')).toContain(
      expected,
    );
  });

  it('an invalid host pattern', () => {
    const catalog = catalogSchema.parse([{ ...svc('a', []), hostPatterns: ['(unclosed'] }]);
    expect(findCatalogConflicts(catalog)[0]?.message).toMatch(/not a valid RE2/);
  });
});
