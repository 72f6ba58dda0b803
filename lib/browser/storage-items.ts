// Every key Gatehouse keeps in browser storage, declared once: area, key, zod schema and fallback.
// Reads parse (an unreadable value is never used as if it were valid), writes validate before storing.
import browser from 'webextension-polyfill';
import { z } from 'zod';
import { forwardStateSchema, initialForwardState, type ForwardState } from '../forward/forward-state';
import { accessOffersSchema, type AccessOffers } from '../interstitial/access-offer';
import { pendingWarnsSchema, type PendingWarns } from '../interstitial/pending-warn';
import { activePolicySchema, defaultActivePolicy, type ActivePolicy } from '../policy/active-policy';

type WritableArea = 'local' | 'session';

/** What a read found, with the fallback already applied; `problem` says why a stored value was not used. */
export interface Inspected<T> {
  value: T;
  stored: 'absent' | 'valid' | 'invalid';
  problem: string | null;
}

export interface ReadonlyStorageItem<T> {
  readonly area: WritableArea | 'managed';
  readonly key: string;
  /** The stored value, or null when nothing (readable) is stored. */
  read(): Promise<T | null>;
  /** The stored value, or the item's fallback when nothing (readable) is stored. */
  load(): Promise<T>;
  /** load(), telling whether the stored value was absent, valid or unreadable (and why). */
  inspect(): Promise<Inspected<T>>;
  /** Called with the parsed value after each change in this area (null: removed or unreadable). */
  watch(callback: (value: T | null) => void): () => void;
}

export interface StorageItem<T> extends ReadonlyStorageItem<T> {
  readonly area: WritableArea;
  write(value: T): Promise<void>;
  remove(): Promise<void>;
}

interface ItemOptions<T> {
  key: string;
  schema: z.ZodType<T>;
  /** What load() returns when nothing readable is stored; `unreadable` is the raw value that failed. */
  fallback: (unreadable?: { raw: unknown; error: string }) => T;
}

function defineItem<T>(area: WritableArea | 'managed', options: ItemOptions<T>): ReadonlyStorageItem<T> {
  const { key, schema, fallback } = options;
  const getRaw = async (): Promise<unknown> => {
    if (area !== 'managed') return (await browser.storage[area].get(key))[key];
    try {
      return (await browser.storage.managed.get(key))[key];
    } catch {
      // Firefox without a managed-storage manifest for the add-on throws: nothing is managed.
      return undefined;
    }
  };
  const inspect = async (): Promise<Inspected<T>> => {
    const raw = await getRaw();
    if (raw === undefined) return { value: fallback(), stored: 'absent', problem: null };
    const parsed = schema.safeParse(raw);
    if (parsed.success) return { value: parsed.data, stored: 'valid', problem: null };
    const error = z.prettifyError(parsed.error);
    return {
      value: fallback({ raw, error }),
      stored: 'invalid',
      problem: `the stored ${area} value "${key}" could not be read (${error})`,
    };
  };
  return {
    area,
    key,
    inspect,
    read: async () => {
      const found = await inspect();
      return found.stored === 'valid' ? found.value : null;
    },
    load: async () => (await inspect()).value,
    watch: (callback) => {
      const listener = (changes: Record<string, { newValue?: unknown }>, changedArea: string) => {
        const change = changes[key];
        if (changedArea !== area || !change) return;
        const parsed = schema.safeParse(change.newValue);
        callback(parsed.success ? parsed.data : null);
      };
      browser.storage.onChanged.addListener(listener);
      return () => browser.storage.onChanged.removeListener(listener);
    },
  };
}

function defineWritableItem<T>(area: WritableArea, options: ItemOptions<T>): StorageItem<T> {
  const item = defineItem(area, options);
  return {
    ...item,
    area,
    write: async (value) => {
      // A value that would not read back is a bug in the writer: refuse it rather than store it.
      await browser.storage[area].set({ [options.key]: options.schema.parse(value) });
    },
    remove: () => browser.storage[area].remove(options.key),
  };
}

/**
 * The policy in force, as the policy loader applied it; every context reads this one (never managed
 * storage again). The built-in default until the loader's first run.
 */
export const activePolicyItem = defineWritableItem<ActivePolicy>('local', {
  key: 'activePolicy',
  schema: activePolicySchema,
  fallback: defaultActivePolicy,
});

/**
 * The last managed bundle that was valid, kept as the admin wrote it: resolvePolicy() validates it again
 * on every use (against the catalog of that moment), which is why it is stored unparsed.
 */
export const lastValidPolicyItem = defineWritableItem<unknown>('local', {
  key: 'lastValidPolicy',
  schema: z.unknown(),
  fallback: () => undefined,
});

/** The organisation's bundle from MDM, unparsed: resolvePolicy() validates it and reports each problem. */
export const managedPolicyItem = defineItem<unknown>('managed', {
  key: 'policy',
  schema: z.unknown(),
  fallback: () => undefined,
});

/**
 * The forwarder's cursor and status. A corrupt state must not silently restart from 0: the cursor is kept
 * when it is still readable, and the status says what happened.
 */
export const forwardStateItem = defineWritableItem<ForwardState>('local', {
  key: 'forwarding',
  schema: forwardStateSchema,
  fallback: (unreadable) => {
    if (!unreadable) return initialForwardState();
    const cursor = forwardStateSchema.shape.cursor.safeParse(
      (unreadable.raw as { cursor?: unknown } | null)?.cursor,
    );
    return {
      ...initialForwardState(),
      cursor: cursor.success ? cursor.data : 0,
      lastError: { at: Date.now(), message: `stored forwarding state was unreadable: ${unreadable.error}` },
    };
  },
});

/** Whether the extension had access to every site when it last looked (null: never looked yet). */
export const hostAccessItem = defineWritableItem<boolean | null>('local', {
  key: 'hostAccess',
  schema: z.boolean().nullable(),
  fallback: () => null,
});

/** The pseudonymous device id sent with forwarded events (null until first made). */
export const deviceIdItem = defineWritableItem<string | null>('local', {
  key: 'deviceId',
  schema: z.uuid().nullable(),
  fallback: () => null,
});

/** The warn pages the background has shown, per tab; session storage, gone when the browser closes. */
export const pendingWarnsItem = defineWritableItem<PendingWarns>('session', {
  key: 'pendingWarns',
  schema: pendingWarnsSchema,
  fallback: () => ({}),
});

/** The request-access links the block and warn pages show, per tab (session storage, like pending warns). */
export const accessOffersItem = defineWritableItem<AccessOffers>('session', {
  key: 'accessOffers',
  schema: accessOffersSchema,
  fallback: () => ({}),
});
