// `npm run bench -- restore`: what restoring placeholders adds to the main thread while a 50 KB answer
// streams in, in real Chromium with the built extension under `redaction.placeholders: restore`, next to
// the same browser without the extension (the peer), in the same run. The answer holds a placeholder every
// ~150 characters; it streams in 250-character chunks, one per animation frame, into the ChatGPT-like page
// (Preact re-renders the markdown per chunk) and the Gemini-like page (innerHTML of the whole answer per
// chunk: every node new, the most work for the restorer). Measured from a Chromium trace of the page's
// renderer main thread, in CPU time (bench/main-thread-trace.ts): the extension's own script time per task
// and per frame, and each frame's work paired with the same frame of the peer. `BENCH_PROFILE=dir` also
// writes a V8 CPU profile of each streamed page to dir (for finding where the time goes; it slows the run),
// `BENCH_TRACE=dir` the trace itself.
import { chromium, type BrowserContext, type Page } from '@playwright/test';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import {
  answerPages,
  answersDone,
  lastAnswerText,
  serveAnswerPages,
  type AnswerStyle,
} from '../tests/e2e/answer-pages';
import {
  grantClipboard,
  pasteWithKeyboard,
  serveEditorPages,
  waitForPasteGuard,
} from '../tests/e2e/editor-pages';
import { chromiumPath, extensionPath, launchExtensionContext } from '../tests/e2e/fixtures';
import { acquireLock, extensionPolicyFile, managedPolicyDir, releaseLock } from '../tests/e2e/managed-policy';
import { extensionPage, policyInForce } from '../tests/e2e/stand-in';
import { mainThreadWork, quantile, startTrace, stopTrace, type MainThreadWork } from './main-thread-trace';

const styles: AnswerStyle[] = ['chatgpt', 'gemini'];
const chunk = 250;
const prompt = 'Write to anna.berg@example.com about DE89370400440532013000, cc bob@example.com';
const policy = { name: 'Bench: restore', version: '1', redaction: { placeholders: 'restore' } };

/** ~50 KB of markdown: paragraphs, lists, tables and code, with the prompt's placeholders throughout. */
export function fiftyKilobyteAnswer(): string {
  const parts: string[] = [];
  for (let i = 0; parts.join('\n').length < 50_000; i++) {
    parts.push(
      `## Section ${i}`,
      '',
      `Dear [EMAIL_1], about the transfer from [IBAN_1]: the quarterly figures are in, and **[EMAIL_2]** asked for the details before Friday.`,
      '',
      `1. Confirm [IBAN_1] with finance`,
      `2. Reply to [EMAIL_1] and copy [EMAIL_2]`,
      '',
      '| Who | Contact |',
      '| --- | --- |',
      `| Anna | [EMAIL_1] |`,
      `| Bob | [EMAIL_2] |`,
      '',
      '```js',
      `await send("[EMAIL_1]", { iban: "[IBAN_1]" });`,
      '```',
      '',
    );
  }
  return parts.join('\n');
}

interface StreamTiming {
  style: AnswerStyle;
  thread: MainThreadWork;
  restored: boolean;
}

async function streamAnswer(context: BrowserContext, style: AnswerStyle): Promise<StreamTiming> {
  const page: Page = await context.newPage();
  const url = `${answerPages[style].url}?chunk=${chunk}`;
  await page.goto(url);
  await page.waitForFunction(() => document.documentElement.dataset['historyLoaded'] === 'true');
  await page.locator(`[data-fixture-editor="${answerPages[style].editor}"]`).click();
  await pasteWithKeyboard(page, prompt);
  await page.waitForTimeout(500);
  const session = await context.newCDPSession(page);
  const profile = process.env['BENCH_PROFILE'];
  if (profile) {
    await session.send('Profiler.enable');
    await session.send('Profiler.setSamplingInterval', { interval: 200 });
    await session.send('Profiler.start');
  }
  await startTrace(session);
  await page.keyboard.press('Enter');
  await page.waitForFunction(
    () => (window as unknown as { answersDone: number }).answersDone === 1,
    undefined,
    {
      timeout: 600_000,
    },
  );
  await page.waitForTimeout(200);
  if (profile) {
    const { profile: cpu } = await session.send('Profiler.stop');
    mkdirSync(profile, { recursive: true });
    writeFileSync(`${profile}/${style}-${Date.now()}.cpuprofile`, JSON.stringify(cpu));
  }
  const events = await stopTrace(session);
  const traceDir = process.env['BENCH_TRACE'];
  if (traceDir) {
    mkdirSync(traceDir, { recursive: true });
    writeFileSync(`${traceDir}/${style}-${Date.now()}.json`, JSON.stringify(events));
  }
  const thread = mainThreadWork(events, answerPages[style].url, `/__answers/${style}.js`, 'step');
  await session.detach();
  const restored =
    (await lastAnswerText(page)).includes('anna.berg@example.com') && (await answersDone(page)) === 1;
  await page.close();
  return { style, thread, restored };
}

async function measure(context: BrowserContext): Promise<StreamTiming[]> {
  await grantClipboard(context);
  await serveEditorPages(context);
  await serveAnswerPages(context, fiftyKilobyteAnswer);
  const rows: StreamTiming[] = [];
  for (const style of styles) rows.push(await streamAnswer(context, style));
  return rows;
}

export async function runAnswerRestoreBench(): Promise<void> {
  if (!existsSync(extensionPath)) {
    console.log(`answer restore: skipped, no built extension at ${extensionPath} (run npm run build)`);
    return;
  }
  // The policy reaches the extension the way it does in production: a managed policy file, machine-wide,
  // written under the lock every test run on this machine shares.
  await acquireLock();
  const file = `${managedPolicyDir}/gatehouse-bench-restore-${process.pid}.json`;
  let withRestore: StreamTiming[];
  try {
    mkdirSync(managedPolicyDir, { recursive: true });
    writeFileSync(file, JSON.stringify(extensionPolicyFile(policy)));
    const context = await launchExtensionContext();
    try {
      const ext = await extensionPage(context);
      await policyInForce(ext, policy.name, 'managed');
      await ext.close();
      await waitForPasteGuard(context);
      withRestore = await measure(context);
    } finally {
      await context.close();
    }
  } finally {
    rmSync(file, { force: true });
    releaseLock();
  }
  const plain = await chromium.launchPersistentContext('', {
    executablePath: chromiumPath,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu'],
  });
  let native: StreamTiming[];
  try {
    native = await measure(plain);
  } finally {
    await plain.close();
  }
  if (withRestore.some((r) => !r.restored))
    throw new Error('the answer was not restored: nothing was measured');
  console.log(
    `\nAnswer restore: a ${Math.round(fiftyKilobyteAnswer().length / 1024)} KB answer streamed in ${chunk}-character chunks, one per frame (Chromium trace of the page's main thread, CPU time)`,
  );
  const fixed = (n: number) => n.toFixed(1);
  const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
  console.table(
    withRestore.map((row, i) => {
      const peer = native[i]!.thread;
      const { thread } = row;
      // The last frame runs to the end of the trace: it holds what is done once the answer is complete
      // (the restorer's catch-up of text it left waiting), reported on its own.
      const streaming = thread.frames.slice(0, -1);
      const last = thread.frames[thread.frames.length - 1];
      // Frame k renders the same part of the answer in both runs: what restoring added to it.
      const added = thread.frames
        .slice(0, peer.frames.length)
        .map((frame, k) => frame.work - peer.frames[k]!.work);
      return {
        page: `${row.style} (${answerPages[row.style].rendering.split(',')[0]})`,
        frames: `${thread.frames.length} / ${peer.frames.length}`,
        'restorer, most in one task': fixed(Math.max(0, ...thread.extension)),
        'restorer per frame, mean / p95 / max': [
          sum(streaming.map((f) => f.extension)) / streaming.length,
          quantile(
            streaming.map((f) => f.extension),
            0.95,
          ),
          Math.max(0, ...streaming.map((f) => f.extension)),
        ]
          .map(fixed)
          .join(' / '),
        'restorer, last frame and after': fixed(last?.extension ?? 0),
        'frame work, restore / none (median)': `${fixed(
          quantile(
            thread.frames.map((f) => f.work),
            0.5,
          ),
        )} / ${fixed(
          quantile(
            peer.frames.map((f) => f.work),
            0.5,
          ),
        )}`,
        'added per frame, median / p95': `${fixed(quantile(added, 0.5))} / ${fixed(quantile(added, 0.95))}`,
        'longest task, restore / none': `${fixed(Math.max(0, ...thread.tasks))} / ${fixed(Math.max(0, ...peer.tasks))}`,
        'busy, restore / none (s)': `${(sum(thread.tasks) / 1000).toFixed(2)} / ${(sum(peer.tasks) / 1000).toFixed(2)}`,
      };
    }),
  );
  console.log(
    'All figures in ms of main-thread CPU time. Target: restoring adds < 16 ms to an animation frame. "restorer" is the time\n' +
      "in the extension's scripts (its MutationObserver callback and the marks' frame callback), per task and per frame\n" +
      "(a frame: the page's render task and the tasks after it until the next; the last frame, which runs to the end of\n" +
      'the trace and holds what is done once the answer is complete, on its own). "added per frame" pairs frame k of the\n' +
      'run with restore with frame k of the run without the extension (the same part of the answer rendered): it also\n' +
      "holds the browser's own work for the restored text and the marks, and both runs' noise (garbage collection, a\n" +
      'loaded machine), so it is read as a distribution, not per frame.',
  );
}
