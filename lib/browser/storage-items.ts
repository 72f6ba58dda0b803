// Every key Gatehouse keeps in browser storage, declared once: area, key, zod schema and fallback.
// Reads parse (an unreadable value is never used as if it were valid), writes validate before storing.
import browser from 'webextension-polyfill';
import { z } from 'zod';
import { forwardStateSchema, initialForwardState, type ForwardState } from '../forward/forward-state';
import { keptPlaceholdersSchema, type KeptPlaceholders } from '../guard/kept-placeholders';

import {
  interstitialRedirectsSchema,
  type InterstitialRedirects,
} from '../interstitial/interstitial-redirects';
import { accessOffersSchema, type AccessOffers } from '../interstitial/access-offer';
import { pendingWarnsSchema, type PendingWarns } from '../interstitial/pending-warn';
import { tabGrantsSchema, type TabGrants } from '../interstitial/tab-grants';
import { tabVisitsSchema, type TabVisits } from '../log/tab-visits';
import { activePolicySchema, defaultActivePolicy, type ActivePolicy } from '../policy/active-policy';
import { managedKeys } from '../policy/managed-bundle';

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
 * A new random id each time the loader applies a policy, written after `activePolicy`: the key that
 * caches of the compiled policy compare, so they never parse the whole policy to learn it is unchanged.
 */
export const activePolicyIdItem = defineWritableItem<string | null>('local', {
  key: 'activePolicyId',
  schema: z.string().min(1).max(64).nullable(),
  fallback: () => null,
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

/**
 * The organisation's bundle from MDM as JSON text (lib/policy/managed-bundle.ts), unparsed:
 * readManagedBundle() and resolvePolicy() parse and validate it and report each problem.
 */
export const managedPolicyJsonItem = defineItem<unknown>('managed', {
  key: managedKeys.json,
  schema: z.unknown(),
  fallback: () => undefined,
});

/** The bundle as an object, as deployments before `policyJson` deliver it (read when that is absent). */
export const managedPolicyItem = defineItem<unknown>('managed', {
  key: managedKeys.object,
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

/**
 * The placeholder maps of tabs whose policy says `redaction.placeholderMap: tab`: originals of redacted
 * values, so session storage only (memory, never written to disk; only the extension's own pages and
 * worker can read it: content scripts ask the background). Removed when the tab closes or leaves the
 * origin, and with the browser session.
 */
export const keptPlaceholdersItem = defineWritableItem<KeptPlaceholders>('session', {
  key: 'keptPlaceholders',
  schema: keptPlaceholdersSchema,
  fallback: () => ({}),
});

/** Continue grants per tab (their session rules and until when); gone when the browser closes, like the rules. */
export const tabGrantsItem = defineWritableItem<TabGrants>('session', {
  key: 'tabGrants',
  schema: tabGrantsSchema,
  fallback: () => ({}),
});

/**
 * The block and warn pages the background sent each tab to (its rules' redirects, its backstop), not yet
 * shown: a page records its event only against one of these, so a web page opening blocked.html itself
 * records nothing.
 */
export const interstitialRedirectsItem = defineWritableItem<InterstitialRedirects>('session', {
  key: 'interstitialRedirects',
  schema: interstitialRedirectsSchema,
  fallback: () => ({}),
});

/** The AI service each tab is on, for logging one visit event per tab and service. */
export const tabVisitsItem = defineWritableItem<TabVisits>('session', {
  key: 'tabVisits',
  schema: tabVisitsSchema,
  fallback: () => ({}),
});

/** The extension version whose start (rules in, old grants out) ran in this browser session. */
export const sessionStartItem = defineWritableItem<string | null>('session', {
  key: 'sessionStart',
  schema: z.string().max(64).nullable(),
  fallback: () => null,
});

/** The request-access links the block and warn pages show, per tab (session storage, like pending warns). */
export const accessOffersItem = defineWritableItem<AccessOffers>('session', {
  key: 'accessOffers',
  schema: accessOffersSchema,
  fallback: () => ({}),
});
