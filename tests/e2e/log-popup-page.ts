// Page object for the admin popup (popup.html opened in a tab) and the event log behind it.
import type { BrowserContext, Page } from '@playwright/test';

export interface EventSpec {
  kind: string;
  [field: string]: unknown;
}

export async function openPopup(context: BrowserContext, extensionId: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/popup.html`);
  return page;
}

/**
 * Records events through the real message path (an extension page → the background's recordEvent).
 * Each spec gets an id and the current time unless it brings its own. Returns the background's answers.
 */
export async function recordFromExtensionPage(page: Page, specs: EventSpec[]): Promise<unknown[]> {
  return page.evaluate(
    (specs) =>
      Promise.all(
        specs.map((spec) =>
          chrome.runtime.sendMessage({
            type: 'recordEvent',
            event: { id: crypto.randomUUID(), time: Date.now(), ...spec },
          }),
        ),
      ),
    specs,
  );
}

/**
 * The three events the enforcement and paste features produce in a user's day: a block, a Continue past
 * a warning with a justification, and a redacted paste. Until those branches land they are recorded
 * through the message path; once merged, replace the body with the real flow (navigate to a blocked
 * stand-in host, Continue on the warn page, paste into an allowed stand-in) and keep the name.
 */
export async function produceBlockContinueRedactEvents(page: Page): Promise<void> {
  await recordFromExtensionPage(page, [
    { kind: 'blocked', service: 'deepseek', host: 'chat.deepseek.com', rule: 'block-cn-jurisdiction' },
    {
      kind: 'warned',
      service: 'example-ai',
      host: 'chat.example-ai.test',
      rule: 'warn-unknown-jurisdiction',
    },
    {
      kind: 'continued',
      service: 'example-ai',
      host: 'chat.example-ai.test',
      rule: 'warn-unknown-jurisdiction',
      justification: 'Vendor evaluation, ticket 42',
    },
    {
      kind: 'redacted',
      service: 'chatgpt',
      // A path and query must never reach the log unless the policy allows full URLs.
      host: 'chatgpt.com/c/abc?q=alice@example.com',
      rule: null,
      counts: { EMAIL: 2, IBAN: 1 },
    },
  ]);
}

/** Every value in every IndexedDB database of the extension, as one JSON string (for leak checks). */
export async function dumpExtensionIndexedDb(page: Page): Promise<string> {
  return page.evaluate(readAllIndexedDb);
}

/**
 * Runs in an extension page (passed to `evaluate` by both e2e suites, so it must not use anything from its
 * module): every record of every store of every database, as JSON keyed `<database>/<store>`.
 */
export async function readAllIndexedDb(): Promise<string> {
  const dump: Record<string, unknown[]> = {};
  for (const info of await indexedDB.databases()) {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open(info.name!);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    for (const storeName of Array.from(db.objectStoreNames)) {
      dump[`${info.name}/${storeName}`] = await new Promise<unknown[]>((resolve, reject) => {
        const request = db.transaction(storeName).objectStore(storeName).getAll();
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
    }
    db.close();
  }
  return JSON.stringify(dump);
}

/**
 * Stores `value` as the policy in force the way the loader does: with a new identity (`activePolicyId`),
 * which the background's compiled-policy cache compares (lib/background/current-policy.ts).
 */
export async function storeActivePolicy(page: Page, value: unknown): Promise<void> {
  await page.evaluate(
    (value) => chrome.storage.local.set({ activePolicy: value, activePolicyId: crypto.randomUUID() }),
    value,
  );
}

export function eventRows(page: Page) {
  return page.locator('.event-viewport [role="row"]');
}

/**
 * Sends events with fixed ids until every one is acknowledged, the way a careful sender retries after the
 * service worker died under it. Returns how many sends failed along the way and how many events were
 * still unacknowledged when the rounds ran out: those were never stored as far as the sender knows, which
 * is a different failure from an acknowledged event missing from the log.
 */
export async function recordWithRetries(
  page: Page,
  events: ({ id: string } & EventSpec)[],
): Promise<{ failures: number; unacknowledged: string[] }> {
  return page.evaluate(async (events) => {
    let failures = 0;
    let pending = events;
    // A message in flight when the worker is stopped may never be answered: after 5 s it counts as
    // failed and is sent again (fixed ids make that safe). Bounded, so a real loss fails the test.
    const unanswered = () => new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 5000));
    for (let round = 0; pending.length && round < 30; round++) {
      const answers = await Promise.all(
        pending.map((event) =>
          Promise.race([
            chrome.runtime
              .sendMessage({ type: 'recordEvent', event: { time: Date.now(), ...event } })
              .then((answer: { ok?: boolean } | undefined) => answer?.ok === true)
              .catch(() => false),
            unanswered(),
          ]),
        ),
      );
      failures += answers.filter((ok) => !ok).length;
      pending = pending.filter((_, i) => !answers[i]);
    }
    return { failures, unacknowledged: pending.map((event) => event.id) };
  }, events);
}
