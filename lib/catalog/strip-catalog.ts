// What the extension ships: the catalog without research sources and notes (kept in policies/catalog.json).
import { catalogSchema, type Catalog } from './catalog-schema';

export function stripCatalogForBundle(input: unknown): Catalog {
  return catalogSchema.parse(input).map(({ sources: _sources, notes: _notes, ...service }) => service);
}
