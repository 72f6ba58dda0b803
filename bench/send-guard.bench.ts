// `npm run bench -- send`: what the send check adds to pressing Enter in a composer, in real Chromium with
// the built extension, next to the same browser without the extension (the peer). From the key event to
// the page's own send handler, median of repeated sends of clean text (text with personal data is held by
// design, so it has no "send time"):
// - typed: the text arrived through input events, so the look-ahead check already ran and Enter goes out
//   untouched — the usual case;
// - not typed: the page put the text in the field itself (no input event), so the send is held, checked in
//   full and re-dispatched — the worst case.
import { chromium, type BrowserContext, type CDPSession, type Page } from '@playwright/test';
import { existsSync } from 'node:fs';
import { openEditor, serveEditorPages, waitForPasteGuard } from '../tests/e2e/editor-pages';
import { chromiumPath, extensionPath, launchExtensionContext } from '../tests/e2e/fixtures';

const sizes = [2 * 1024, 100 * 1024];
const rounds = 25;

/** Clean prose of `size` characters: nothing the engine would find. */
function cleanText(size: number, prefix: string): string {
  const sentence = 'The quarterly report covers revenue, hiring and the roadmap for next year. ';
  return (prefix + sentence.repeat(Math.ceil(size / sentence.length))).slice(0, size);
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

/** One send: text into the field (typed, or set by the page), Enter, until the page's handler ran. */
async function timeSend(page: Page, session: CDPSession, text: string, typed: boolean): Promise<number> {
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
  return ((await sentAt.jsonValue()) as number) - started;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

interface Browser {
  name: string;
  page: Page;
  session: CDPSession;
}

async function open(context: BrowserContext, name: string): Promise<Browser> {
  await serveEditorPages(context);
  const page = await context.newPage();
  await prepare(page);
  return { name, page, session: await context.newCDPSession(page) };
}

export async function runSendGuardBench(): Promise<void> {
  if (!existsSync(extensionPath)) {
    console.log(`send guard: skipped, no built extension at ${extensionPath} (run npm run build)`);
    return;
  }
  const guardedContext = await launchExtensionContext();
  const plainContext = await chromium.launchPersistentContext('', {
    executablePath: chromiumPath,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu'],
  });
  const rows: Record<string, string>[] = [];
  try {
    await waitForPasteGuard(guardedContext);
    const guarded = await open(guardedContext, 'Gatehouse');
    const native = await open(plainContext, 'no extension (peer)');
    for (const size of sizes) {
      for (const typed of [true, false]) {
        const times: Record<string, number[]> = { [guarded.name]: [], [native.name]: [] };
        // Alternating, so the load other processes put on the machine weighs on both alike.
        for (let round = 0; round < rounds; round++) {
          // A new text every round: one the guard has seen before would be known clean already.
          const text = cleanText(size, `Round ${round}, ${typed ? 'typed' : 'set'}: `);
          for (const browser of [guarded, native])
            times[browser.name]!.push(await timeSend(browser.page, browser.session, text, typed));
        }
        const withGuard = median(times[guarded.name]!);
        const peer = median(times[native.name]!);
        rows.push({
          text: `${size / 1024} KB`,
          'how it got there': typed ? 'typed (checked ahead)' : 'set by the page (checked at send)',
          'Gatehouse (ms)': withGuard.toFixed(1),
          'no extension, peer (ms)': peer.toFixed(1),
          'added (ms)': (withGuard - peer).toFixed(1),
        });
      }
    }
    for (const browser of [guarded, native]) {
      const sent = await browser.page.evaluate(
        () => (window as unknown as { sentByPage: string[] }).sentByPage,
      );
      if (sent.length !== sizes.length * 2 * rounds)
        throw new Error(`${browser.name}: ${sent.length} sends arrived`);
    }
  } finally {
    await guardedContext.close();
    await plainContext.close();
  }
  console.log(`\nSend check: Enter in a textarea → the page's send handler (Chromium, median of ${rounds})`);
  console.table(rows);
  console.log('Target: the check adds < 5 ms to a 2 KB send and < 50 ms to a 100 KB send.');
}
