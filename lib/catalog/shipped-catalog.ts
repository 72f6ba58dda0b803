// The catalog that ships with Gatehouse (policies/catalog.json; the extension build strips its sources).
import raw from '../../policies/catalog.json';
import { catalogSchema, type Catalog } from './catalog-schema';

let shipped: Catalog | undefined;

export function shippedCatalog(): Catalog {
  shipped ??= catalogSchema.parse(raw);
  return shipped;
}
