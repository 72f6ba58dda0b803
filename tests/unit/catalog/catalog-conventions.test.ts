import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { catalogSchema } from '../../../lib/catalog/catalog-schema';
import { stripCatalogForBundle } from '../../../lib/catalog/strip-catalog';
import { findCatalogConflicts, validateCatalog } from '../../../lib/catalog/validate-catalog';

const raw: unknown = JSON.parse(readFileSync('policies/catalog.json', 'utf8'));

describe('the shipped catalog', () => {
  it('validates with no duplicate ids or conflicting hosts', () => {
    const result = validateCatalog(raw);
    expect(result.ok ? [] : result.problems).toEqual([]);
  });

  // The research behind it (scripts/import-catalog.ts) lives outside the project; the catalog carries all
  // of it, sources included, so tests read only the catalog.
  it('keeps the sources of every service, and as many services as README says', () => {
    const catalog = catalogSchema.parse(raw);
    expect(catalog.filter((s) => !s.sources?.evidence.length).map((s) => s.id)).toEqual([]);
    const claimed = /recognises requests to (\d+) known AI services/.exec(readFileSync('README.md', 'utf8'));
    expect(Number(claimed?.[1])).toBe(catalog.length);
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
