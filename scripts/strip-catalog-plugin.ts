// Vite plugin: the extension bundle gets the catalog without research sources (CLI and tests keep them).
import { readFileSync } from 'node:fs';
import type { Plugin } from 'vite';
import { stripCatalogForBundle } from '../lib/catalog/strip-catalog';

export function stripCatalogPlugin(): Plugin {
  return {
    name: 'gatehouse-strip-catalog',
    enforce: 'pre',
    load(id) {
      if (!id.replace(/\\/g, '/').endsWith('/policies/catalog.json')) return null;
      const full: unknown = JSON.parse(readFileSync(id, 'utf8'));
      // Vite 8 runs its JSON plugin on the result: hand it JSON, not a module.
      return JSON.stringify(stripCatalogForBundle(full));
    },
  };
}
