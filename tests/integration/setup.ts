// vitest setup: an in-memory IndexedDB for adapters that use idb.
import 'fake-indexeddb/auto';
import { setEventSink } from '../../lib/background/record-event';

// recordEvent resolves only once a sink stored the event (the background installs the IndexedDB one at
// start); tests that do not look at the log get a sink that keeps nothing, tests that do install their own.
await setEventSink(async () => {});
