// `npm run bench -- send`: what the send check adds to pressing Enter in a composer, in real Chromium with
// the built extension, next to the same browser without the extension (the peer). From the key event to
// the page's own send handler, median of repeated sends of clean text (text with personal data is held by
// design, so it has no "send time"):
// - typed: the text arrived through input events, so the look-ahead check already ran and Enter goes out
//   untouched — the usual case;
// - not typed: the page put the text in the field itself (no input event), so the send is held, checked in
//   full and re-dispatched — the worst case.
import { chromium, type BrowserContext, type Page } from '@playwright/test';
import { existsSync } from 'node:fs';
import { openEditor, serveEditorPages, waitForPasteGuard } from '../tests/e2e/editor-pages';
import { chromiumPath, extensionPath, launchExtensionContext } from '../tests/e2e/fixtures';

const sizes = [2 * 1024, 100 * 1024];
const rounds = 15;

/** Clean prose of `size` characters: nothing the engine would find. */
function cleanText(size: number, prefix: string): string {
  const sentence = 'The quarterly report covers revenue, hiring and the roadmap for next year. ';
  return (prefix + sentence.repeat(Math.ceil(size / sentence.length))).slice(0, size);
}

interface SendTiming {
  browser: string;
  size: number;
  typed: boolean;
  medianMs: number;
}

async function prepare(page: Page): Promise<void> {
  await openEditor(page, 'textarea');
  // Timestamps of the page's sends, in the epoch clock the bench uses too.
  await page.evaluate(() => {
    const w = window as unknown as { sentByPage: string[]; sentAt: number[] };
    w.sentAt = [];
    w.sentByPage = [];
    w.sentByPage.push = function (...items: string[]) {
      w.sentAt.push(performance.timeOrigin + performance.now());
      return Array.prototype.push.apply(this, items);
    };
  });
}

async function timeSends(page: Page, size: number, typed: boolean): Promise<number[]> {
  const session = await page.context().newCDPSession(page);
  const times: number[] = [];
  try {
    for (let i = 0; i < rounds; i++) {
      // A new text every round: one the guard has seen before would be known clean already.
      const text = cleanText(size, `Round ${i}, ${typed ? 'typed' : 'set'}: `);
      await page.evaluate(() => {
        const field = document.querySelector<HTMLTextAreaElement>('#textarea')!;
        field.value = '';
        field.focus();
      });
      if (typed) {
        // One input event, as dictation or an autocomplete commit produces; then the look-ahead has run.
        await session.send('Input.insertText', { text });
        await page.waitForTimeout(text.length > 10_000 ? 1000 : 300);
      } else {
        await page.evaluate((value) => {
          document.querySelector<HTMLTextAreaElement>('#textarea')!.value = value;
        }, text);
      }
      const before = await page.evaluate(() => (window as unknown as { sentAt: number[] }).sentAt.length);
      const started = performance.timeOrigin + performance.now();
      await session.send('Input.dispatchKeyEvent', {
        type: 'keyDown',
        key: 'Enter',
        code: 'Enter',
        windowsVirtualKeyCode: 13,
        text: '\r',
      });
      await session.send('Input.dispatchKeyEvent', {
        type: 'keyUp',
        key: 'Enter',
        code: 'Enter',
        windowsVirtualKeyCode: 13,
      });
      const sentAt = await page.waitForFunction(
        (n) => (window as unknown as { sentAt: number[] }).sentAt[n],
        before,
        { timeout: 30_000, polling: 5 },
      );
      times.push(((await sentAt.jsonValue()) as number) - started);
    }
  } finally {
    await session.detach();
  }
  return times;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

async function measure(context: BrowserContext, browser: string): Promise<SendTiming[]> {
  await serveEditorPages(context);
  const page = await context.newPage();
  await prepare(page);
  const rows: SendTiming[] = [];
  for (const size of sizes) {
    for (const typed of [true, false]) {
      rows.push({ browser, size, typed, medianMs: median(await timeSends(page, size, typed)) });
    }
  }
  const sent = await page.evaluate(() => (window as unknown as { sentByPage: string[] }).sentByPage.length);
  if (sent !== sizes.length * 2 * rounds) throw new Error(`expected every send to arrive, got ${sent}`);
  return rows;
}

export async function runSendGuardBench(): Promise<void> {
  if (!existsSync(extensionPath)) {
    console.log(`send guard: skipped, no built extension at ${extensionPath} (run npm run build)`);
    return;
  }
  const guarded = await launchExtensionContext();
  let withGuard: SendTiming[];
  try {
    await waitForPasteGuard(guarded);
    withGuard = await measure(guarded, 'Gatehouse');
  } finally {
    await guarded.close();
  }
  const plain = await chromium.launchPersistentContext('', {
    executablePath: chromiumPath,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu'],
  });
  let native: SendTiming[];
  try {
    native = await measure(plain, 'no extension (peer)');
  } finally {
    await plain.close();
  }
  console.log(`\nSend check: Enter in a textarea → the page's send handler (Chromium, median of ${rounds})`);
  console.table(
    withGuard.map((row, i) => {
      const peer = native[i]!;
      return {
        text: `${row.size / 1024} KB`,
        'how it got there': row.typed ? 'typed (checked ahead)' : 'set by the page (checked at send)',
        'Gatehouse (ms)': row.medianMs.toFixed(1),
        'no extension, peer (ms)': peer.medianMs.toFixed(1),
        'added (ms)': (row.medianMs - peer.medianMs).toFixed(1),
      };
    }),
  );
  console.log('Target: the check adds < 5 ms to a 2 KB send and < 50 ms to a 100 KB send.');
}
