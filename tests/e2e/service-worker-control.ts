// Test control over the extension's service worker: find the live one, stop it the way Chrome does
// when it idles a worker out (CDP ServiceWorker.stopAllWorkers), and fill the forwarding outbox.
import type { BrowserContext, CDPSession, Page, Worker } from '@playwright/test';
import type { LogEvent } from '../../lib/log/event-schema';

/** The running worker, after waiting for Chrome to restart it (alarm or event) if it was stopped. */
export async function liveWorker(context: BrowserContext, timeoutMs = 30_000): Promise<Worker> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    for (const worker of context.serviceWorkers().reverse()) {
      const alive = await Promise.race([
        worker.evaluate(() => true).catch(() => false),
        new Promise<false>((resolve) => setTimeout(() => resolve(false), 1000)),
      ]);
      if (alive) return worker;
    }
    await context.waitForEvent('serviceworker', { timeout: 1000 }).catch(() => undefined);
  }
  throw new Error('the extension service worker did not come back');
}

/**
 * Stops the extension's worker the way Chrome idles one out, but only once Chromium has activated it.
 * A worker stopped while it is still installing is not idled out: Chromium discards that version
 * (status "redundant") and the extension has no background at all until the browser restarts, so every
 * message fails with "Receiving end does not exist". The fixture hands out the worker as soon as its
 * script runs, which is before installation finished.
 */
export class WorkerKiller {
  kills = 0;
  private readonly seen = new Set<string>();
  private readonly waiters: { status: string; resolve: () => void }[] = [];

  private constructor(private readonly cdp: CDPSession) {
    cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
      for (const version of versions) this.saw(version.status);
    });
  }

  /**
   * A CDP session whose ServiceWorker domain reaches the extension's worker too: on `page`, or on a new
   * ordinary tab. Enabling the domain reports the versions that exist now, then every change.
   */
  static async attach(context: BrowserContext, page?: Page): Promise<WorkerKiller> {
    const cdp = await context.newCDPSession(page ?? (await context.newPage()));
    const killer = new WorkerKiller(cdp);
    await cdp.send('ServiceWorker.enable');
    return killer;
  }

  /** Resolves once a version of the worker has reported `status` (e.g. "installing", "activated"). */
  reached(status: 'installing' | 'activated', timeoutMs = 30_000): Promise<void> {
    if (this.seen.has(status)) return Promise.resolve();
    return new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`the extension's service worker never reported "${status}"`)),
        timeoutMs,
      );
      this.waiters.push({
        status,
        resolve: () => {
          clearTimeout(timer);
          resolve();
        },
      });
    });
  }

  async kill(): Promise<void> {
    await this.reached('activated');
    await this.cdp.send('ServiceWorker.stopAllWorkers');
    this.kills++;
  }

  private saw(status: string): void {
    this.seen.add(status);
    for (const waiter of this.waiters.filter((w) => w.status === status)) {
      this.waiters.splice(this.waiters.indexOf(waiter), 1);
      waiter.resolve();
    }
  }
}

/**
 * A page on the extension's origin that outlives worker stops: it shares the worker's IndexedDB and
 * storage. Any packaged file will do; the manifest is always there.
 */
export async function extensionOriginPage(context: BrowserContext, extensionId: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/manifest.json`);
  return page;
}

/**
 * Appends events to the log (the forwarding outbox) as the event store does: one row per event, seq
 * from IndexedDB's key generator. It never creates the database: until the worker has, it waits.
 */
export async function appendToOutbox(page: Page, events: LogEvent[]): Promise<void> {
  await page.evaluate(async (rows) => {
    const open = () =>
      new Promise<IDBDatabase | undefined>((resolve, reject) => {
        const request = indexedDB.open('gatehouse-log', 1);
        request.onupgradeneeded = () => request.transaction?.abort();
        request.onsuccess = () => resolve(request.result);
        request.onerror = () =>
          request.error?.name === 'AbortError' ? resolve(undefined) : reject(request.error);
      });
    let db = await open();
    for (let wait = 0; !db && wait < 100; wait++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      db = await open();
    }
    if (!db) throw new Error('the worker never created the log database');
    const tx = db.transaction('events', 'readwrite');
    for (const event of rows) tx.objectStore('events').add(event);
    await new Promise((resolve, reject) => {
      tx.oncomplete = resolve;
      tx.onabort = () => reject(tx.error);
    });
    db.close();
  }, events);
}

export async function storedForwardState(page: Page): Promise<{ cursor: number; sent: number } | undefined> {
  return page.evaluate(async () => (await chrome.storage.local.get('forwarding')).forwarding as never);
}
