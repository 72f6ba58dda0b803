// Checks a catalog beyond its schema: unique ids, no host claimed by two services, compilable patterns.
import { RE2JS } from 're2js';
import { catalogSchema, type Catalog } from './catalog-schema';
import { formatZodIssues, type PathProblem } from '../problems/format-problems';

export type CatalogResult = { ok: true; catalog: Catalog } | { ok: false; problems: PathProblem[] };

export function validateCatalog(input: unknown, pathPrefix = ''): CatalogResult {
  const parsed = catalogSchema.safeParse(input);
  if (!parsed.success) return { ok: false, problems: formatZodIssues(parsed.error.issues, pathPrefix) };
  const problems = findCatalogConflicts(parsed.data, pathPrefix);
  return problems.length ? { ok: false, problems } : { ok: true, catalog: parsed.data };
}

export function findCatalogConflicts(catalog: Catalog, pathPrefix = ''): PathProblem[] {
  const problems: PathProblem[] = [];
  const ids = new Map<string, number>();
  const claims = new Map<string, string>();
  catalog.forEach((service, i) => {
    const at = `${pathPrefix}[${i}]`;
    const firstIndex = ids.get(service.id);
    if (firstIndex !== undefined) {
      problems.push({
        path: `${at}.id`,
        message: `duplicate service id "${service.id}" (also at [${firstIndex}])`,
      });
    } else ids.set(service.id, i);
    const claim = (kind: string, value: string, field: string) => {
      const key = `${kind}:${value}`;
      const owner = claims.get(key);
      if (owner === undefined) claims.set(key, service.id);
      else if (owner === service.id) {
        problems.push({
          path: `${at}.${field}`,
          message: `"${value}" is listed twice in service "${service.id}"`,
        });
      } else {
        problems.push({
          path: `${at}.${field}`,
          message: `"${value}" is claimed by both "${owner}" and "${service.id}"`,
        });
      }
    };
    service.domains.forEach((h, j) => claim('host', h, `domains[${j}]`));
    service.hosts.forEach((h, j) => claim('host', h, `hosts[${j}]`));
    service.hostSuffixes.forEach((s, j) => claim('suffix', s, `hostSuffixes[${j}]`));
    service.urlPatterns.forEach((p, j) => claim('url', p.toLowerCase(), `urlPatterns[${j}]`));
    service.hostPatterns.forEach((p, j) => {
      claim('pattern', p, `hostPatterns[${j}]`);
      try {
        RE2JS.compile(p);
      } catch (error) {
        problems.push({
          path: `${at}.hostPatterns[${j}]`,
          message: `not a valid RE2 regular expression: ${error instanceof Error ? error.message : String(error)}`,
        });
      }
    });
  });
  return problems;
}
