// Applies a policy's catalog additions and overrides to the shipped catalog.
import type { Catalog, Service } from '../catalog/catalog-schema';
import type { PathProblem } from '../problems/format-problems';
import type { Policy } from './policy-schema';

export function mergeCatalog(base: Catalog, changes: Policy['catalog']): Catalog {
  if (!changes.add.length && !changes.override.length) return base;
  const overrides = new Map(changes.override.map((o) => [o.id, o]));
  const merged: Service[] = base.map((service) => {
    const override = overrides.get(service.id);
    return override ? { ...service, ...stripUndefined(override) } : service;
  });
  return [...merged, ...changes.add];
}

/** Problems in a policy's catalog changes that the schema alone cannot see. */
export function findCatalogChangeProblems(base: Catalog, changes: Policy['catalog']): PathProblem[] {
  const ids = new Set(base.map((s) => s.id));
  const problems: PathProblem[] = [];
  changes.override.forEach((o, i) => {
    if (!ids.has(o.id))
      problems.push({ path: `catalog.override[${i}].id`, message: `no catalog service "${o.id}"` });
  });
  changes.add.forEach((s, i) => {
    if (ids.has(s.id)) {
      problems.push({
        path: `catalog.add[${i}].id`,
        message: `"${s.id}" is already in the catalog: use catalog.override to change it`,
      });
    }
  });
  return problems;
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
