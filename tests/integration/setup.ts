// vitest setup: an in-memory IndexedDB for adapters that use idb.
import 'fake-indexeddb/auto';
