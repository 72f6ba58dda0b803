// The admin popup against a large log in real Chromium: first rendered row with 100,000 stored events
// (peer: reading them all first, as a non-streaming popup would), and appending 10,000 events in batches
// through the real message path (peers: the messages alone; raw IndexedDB batched and one per transaction).
import { existsSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import type { Page } from '@playwright/test';
import { extensionPath, extensionWorker, launchExtensionContext } from '../tests/e2e/fixtures';
import { recordFromExtensionPage, type EventSpec } from '../tests/e2e/log-popup-page';
import { printTable } from './measure';

const stored = 100_000;
const appended = 10_000;
const batch = 500;
const runs = 5;

/** Writes rows straight into the log's object store (the schema the background created), in chunks. */
async function seedRows(page: Page, count: number, kinds: string[]): Promise<void> {
  await page.evaluate(
    async ({ count, kinds }) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open('gatehouse-log');
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      const now = Date.now();
      const services = ['deepseek', 'chatgpt', 'kimi', 'claude', 'gemini', 'example-ai'];
      for (let start = 0; start < count; start += 10_000) {
        const tx = db.transaction('events', 'readwrite');
        for (let i = start; i < Math.min(count, start + 10_000); i++) {
          const kind = kinds[i % kinds.length]!;
          const service = services[i % services.length]!;
          const row: Record<string, unknown> = {
            id: `bench-${i.toString(36).padStart(8, '0')}`,
            time: now - Math.floor((i / count) * 30 * 86_400_000),
            kind,
            service,
            host: `chat.${service}.test`,
            rule: kind === 'visited_allowed' ? null : 'bench-rule',
            incognito: i % 17 === 0,
          };
          if (kind === 'continued') row.justification = `bench justification ${i}`;
          if (kind === 'redacted') row.counts = { EMAIL: 1 + (i % 3), IBAN: 1 };
          tx.objectStore('events').add(row);
        }
        await new Promise((resolve, reject) => {
          tx.oncomplete = resolve;
          tx.onerror = () => reject(tx.error);
        });
      }
      db.close();
    },
    { count, kinds },
  );
}

async function readAllFirst(page: Page): Promise<number> {
  return page.evaluate(async () => {
    const start = performance.now();
    const db = await new Promise<IDBDatabase>((resolve) => {
      const request = indexedDB.open('gatehouse-log');
      request.onsuccess = () => resolve(request.result);
    });
    await new Promise((resolve) => {
      const request = db.transaction('events').objectStore('events').index('time').getAll();
      request.onsuccess = () => resolve(request.result);
    });
    db.close();
    return performance.now() - start;
  });
}

async function popupMarks(page: Page, url: string): Promise<{ firstRow: number; scanDone: number }> {
  await page.goto(url);
  await page.waitForFunction(
    () => performance.getEntriesByName('gatehouse:scan-done').length > 0,
    undefined,
    {
      timeout: 120_000,
    },
  );
  return page.evaluate(() => ({
    firstRow: performance.getEntriesByName('gatehouse:first-row')[0]!.startTime,
    scanDone: performance.getEntriesByName('gatehouse:scan-done')[0]!.startTime,
  }));
}

/** Time from setting scrollTop to the last row being in the DOM. */
async function jumpToEnd(page: Page): Promise<number> {
  return page.evaluate(async (last) => {
    const viewport = document.querySelector('.event-viewport')!;
    const start = performance.now();
    viewport.scrollTop = viewport.scrollHeight;
    while (!document.querySelector(`[aria-rowindex="${last}"]`)) await new Promise(requestAnimationFrame);
    return performance.now() - start;
  }, stored + 1);
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const ms = (n: number) => `${n.toFixed(1)} ms`;

export async function runPopupBench(): Promise<void> {
  if (!existsSync(extensionPath)) throw new Error(`no build at ${extensionPath}: run npm run build first`);
  const context = await launchExtensionContext({ build: 'testhooks' });
  try {
    const id = new URL((await extensionWorker(context)).url()).host;
    const url = `chrome-extension://${id}/popup.html`;
    const page = await context.newPage();
    await page.goto(url);

    const specs: EventSpec[] = Array.from({ length: appended }, (_, i) => ({
      kind: i % 2 ? 'blocked' : 'redacted',
      service: 'deepseek',
      host: 'chat.deepseek.com',
      ...(i % 2 ? {} : { counts: { EMAIL: 1 } }),
    }));
    let start = performance.now();
    for (let i = 0; i < appended; i += batch) await recordFromExtensionPage(page, specs.slice(i, i + batch));
    const appendBatched = performance.now() - start;

    // What the messages alone cost: the background answers a malformed log message without storing it.
    start = performance.now();
    await page.evaluate(
      async ({ count, batch }) => {
        for (let i = 0; i < count; i += batch)
          await Promise.all(
            Array.from({ length: batch }, () =>
              chrome.runtime.sendMessage({ type: 'recordEvent', event: null }),
            ),
          );
      },
      { count: appended, batch },
    );
    const messagesOnly = performance.now() - start;

    start = performance.now();
    await page.evaluate(
      async ({ count, batch }) => {
        const db = await new Promise<IDBDatabase>((resolve) => {
          const request = indexedDB.open('gatehouse-log');
          request.onsuccess = () => resolve(request.result);
        });
        for (let i = 0; i < count; i += batch) {
          const tx = db.transaction('events', 'readwrite');
          for (let j = i; j < i + batch; j++)
            tx.objectStore('events').add({
              id: `batched-${j}`,
              time: Date.now(),
              kind: 'blocked',
              incognito: false,
            });
          await new Promise((resolve) => (tx.oncomplete = resolve));
        }
        db.close();
      },
      { count: appended, batch },
    );
    const appendRawBatched = performance.now() - start;

    start = performance.now();
    await page.evaluate(async (count) => {
      const db = await new Promise<IDBDatabase>((resolve) => {
        const request = indexedDB.open('gatehouse-log');
        request.onsuccess = () => resolve(request.result);
      });
      for (let i = 0; i < count; i++) {
        const tx = db.transaction('events', 'readwrite');
        tx.objectStore('events').add({
          id: `single-${i}`,
          time: Date.now(),
          kind: 'blocked',
          incognito: false,
        });
        await new Promise((resolve) => (tx.oncomplete = resolve));
      }
      db.close();
    }, appended);
    const appendSingle = performance.now() - start;

    const countStored = () =>
      page.evaluate(async () => {
        const db = await new Promise<IDBDatabase>((resolve) => {
          const request = indexedDB.open('gatehouse-log');
          request.onsuccess = () => resolve(request.result);
        });
        const n = await new Promise<number>((resolve) => {
          const request = db.transaction('events').objectStore('events').count();
          request.onsuccess = () => resolve(request.result);
        });
        db.close();
        return n;
      });
    await seedRows(page, stored - (await countStored()), [
      'blocked',
      'warned',
      'continued',
      'went_back',
      'redacted',
      'visited_allowed',
    ]);
    const total = await countStored();
    // The extension may record its own events meanwhile (policy_applied), so at least `stored`.
    if (total < stored) throw new Error(`expected ${stored} stored events, found ${total}`);

    const firstRows: number[] = [];
    const scans: number[] = [];
    const readAll: number[] = [];
    let jump = 0;
    for (let r = 0; r < runs; r++) {
      const marks = await popupMarks(page, url);
      firstRows.push(marks.firstRow);
      scans.push(marks.scanDone);
      if (r === 0) jump = await jumpToEnd(page);
      readAll.push(await readAllFirst(page));
    }

    printTable(
      `Admin popup with ${stored.toLocaleString('en')} stored events (Chromium, median of ${runs}; target: first row < 300 ms;` +
        ` load average ${loadavg()[0]!.toFixed(1)} on ${cpus().length} cores)`,
      ['measure', 'median', 'max'],
      [
        [
          'popup first rendered row (from navigation start)',
          ms(median(firstRows)),
          ms(Math.max(...firstRows)),
        ],
        ['popup: whole log streamed into the list', ms(median(scans)), ms(Math.max(...scans))],
        ['peer: getAll() of every event before first paint', ms(median(readAll)), ms(Math.max(...readAll))],
        ['scroll: jump to the oldest event, rows rendered', ms(jump), ''],
      ],
    );
    printTable(
      `Appending ${appended.toLocaleString('en')} events`,
      ['path', 'total', 'events/s'],
      [
        [
          `recordEvent messages, ${batch} at a time → background batches`,
          ms(appendBatched),
          Math.round(appended / (appendBatched / 1000)).toLocaleString('en'),
        ],
        [
          'peer: the messages alone, answered without storing',
          ms(messagesOnly),
          Math.round(appended / (messagesOnly / 1000)).toLocaleString('en'),
        ],
        [
          `peer: raw IndexedDB in the page, ${batch} per transaction`,
          ms(appendRawBatched),
          Math.round(appended / (appendRawBatched / 1000)).toLocaleString('en'),
        ],
        [
          'peer: raw IndexedDB in the page, one transaction per event',
          ms(appendSingle),
          Math.round(appended / (appendSingle / 1000)).toLocaleString('en'),
        ],
      ],
    );
  } finally {
    await context.close();
  }
}
