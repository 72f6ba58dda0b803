// The answer restorer on its own, in real Chromium without the extension: text nodes split and streamed
// the ways renderers do it, pages that rewrite or remove the nodes, editors left alone, and a page that
// fights the restorer (it gives up writing and only marks).
import { chromium, expect, test, type Browser, type Page } from '@playwright/test';
import { build } from 'esbuild';
import { chromiumPath } from './fixtures';

declare global {
  interface Window {
    restorer: { refreshAll(): void; stop(): void };
    startRestorer(display: 'inline' | 'on-hover', frames?: 'none'): void;
    /** The restorer's marks: how many owners have marks, shown or waiting. */
    marks: { readonly size: number };
    /** How often the restorer looked a placeholder up: what it worked on. */
    lookups: number;
    /** The tab's map: a paste adds to it. */
    originals: Record<string, string>;
  }
}

const entry = `
import { startAnswerRestorer } from './lib/content/answer-restorer';
import { createRestoreMarks } from './lib/content/restore-marks';
const originals = { '[EMAIL_1]': 'anna.berg@example.com', '[IBAN_1]': 'DE89370400440532013000' };
window.originals = originals;
window.lookups = 0;
window.startRestorer = (display, frames) => {
  const original = (p) => {
    window.lookups++;
    return originals[p];
  };
  // 'none': no animation frame ever comes (a hidden tab).
  window.marks = frames === 'none' ? createRestoreMarks(() => () => undefined) : createRestoreMarks();
  window.restorer = startAnswerRestorer({ original, display, marks: window.marks });
};
`;

let browser: Browser;
let code: string;

test.beforeAll(async () => {
  const result = await build({
    stdin: { contents: entry, resolveDir: process.cwd(), loader: 'ts' },
    bundle: true,
    write: false,
    format: 'iife',
    target: 'chrome120',
    logLevel: 'silent',
  });
  code = result.outputFiles[0]!.text;
  browser = await chromium.launch({ executablePath: chromiumPath, args: ['--no-sandbox', '--disable-gpu'] });
});

test.afterAll(async () => {
  await browser.close();
});

async function pageWith(html: string, display: 'inline' | 'on-hover' = 'inline'): Promise<Page> {
  const page = await browser.newPage();
  await page.setContent(`<!doctype html><body>${html}</body>`);
  await page.addScriptTag({ content: code });
  await page.evaluate((d) => window.startRestorer(d), display);
  return page;
}

const text = (page: Page, selector: string) => page.locator(selector).evaluate((e) => e.textContent);
/** Lets a few animation frames pass: a mark shows once its text has lasted a frame, and is in view. */
const frames = (page: Page, n = 4) =>
  page.evaluate(async (count) => {
    for (let i = 0; i < count; i++) await new Promise((r) => requestAnimationFrame(r));
  }, n);
/** The text under each mark in the highlight (static ranges: read through a live one). */
const marked = async (page: Page) => {
  await frames(page);
  return page.evaluate(() =>
    [...(CSS.highlights.get('gatehouse-restored') ?? [])].map((r) => {
      const range = document.createRange();
      range.setStart(r.startContainer, r.startOffset);
      range.setEnd(r.endContainer, r.endOffset);
      return range.toString();
    }),
  );
};
/** Lets the mutation observer run. */
const settle = (page: Page) => page.evaluate(() => new Promise((r) => setTimeout(r, 0)));

test('restores what is on the page when it starts, and marks it', async () => {
  const page = await pageWith('<p id="a">Hi [EMAIL_1], pay [IBAN_1]; [EMAIL_9] is made up.</p>');
  expect(await text(page, '#a')).toBe(
    'Hi anna.berg@example.com, pay DE89370400440532013000; [EMAIL_9] is made up.',
  );
  expect(await marked(page)).toEqual(['anna.berg@example.com', 'DE89370400440532013000']);
});

test('a placeholder streamed into new text nodes is restored once complete, never shown half', async () => {
  const page = await pageWith('<p id="a">Hi </p>');
  const shown: string[] = [];
  for (const chunk of ['[EM', 'AIL', '_1', '] and', ' more']) {
    await page.evaluate((c) => document.querySelector('#a')!.append(document.createTextNode(c)), chunk);
    await settle(page);
    shown.push((await text(page, '#a'))!);
  }
  expect(shown).toEqual([
    'Hi [EM',
    'Hi [EMAIL',
    'Hi [EMAIL_1',
    'Hi anna.berg@example.com and',
    'Hi anna.berg@example.com and more',
  ]);
  expect(await marked(page)).toEqual(['anna.berg@example.com']);
});

test('a placeholder split across inline elements (spans, bold) is restored in the first of them', async () => {
  const page = await pageWith(
    '<p id="a"><span>Hi </span><strong><span>[</span></strong><strong><span>EMA</span></strong><span>IL_1]!</span></p>',
  );
  expect(await text(page, '#a')).toBe('Hi anna.berg@example.com!');
  expect(await page.locator('#a strong').first().textContent()).toBe('anna.berg@example.com');
});

test('is not joined across blocks', async () => {
  const page = await pageWith('<p id="a">[EMAIL</p><p id="b">_1]</p>');
  expect(await text(page, '#a')).toBe('[EMAIL');
  expect(await text(page, '#b')).toBe('_1]');
});

test('a renderer that rewrites the same text node as it streams (virtual DOM) gets it restored every time, once', async () => {
  const page = await pageWith('<p id="a"></p>');
  await page.evaluate(() => document.querySelector('#a')!.append(document.createTextNode('')));
  const answer = 'Dear [EMAIL_1], the IBAN [IBAN_1] is fine.';
  for (let at = 4; at <= answer.length; at += 4) {
    await page.evaluate(
      (t) => ((document.querySelector('#a')!.firstChild as Text).nodeValue = t),
      answer.slice(0, at),
    );
    await settle(page);
  }
  await page.evaluate((t) => ((document.querySelector('#a')!.firstChild as Text).nodeValue = t), answer);
  await settle(page);
  expect(await text(page, '#a')).toBe('Dear anna.berg@example.com, the IBAN DE89370400440532013000 is fine.');
  expect(await page.locator('#a').evaluate((e) => e.childNodes.length)).toBe(1);
});

test('when the page changes the node that completed a placeholder, the first half shows again as the page wrote it', async () => {
  const page = await pageWith('<p id="a">Hi [EMA</p>');
  await page.evaluate(() => document.querySelector('#a')!.append(document.createTextNode('IL_1] there')));
  await settle(page);
  expect(await text(page, '#a')).toBe('Hi anna.berg@example.com there');
  await page.evaluate(() => ((document.querySelector('#a')!.lastChild as Text).data = 'X]'));
  await settle(page);
  expect(await text(page, '#a')).toBe('Hi [EMAX]');
  expect(await marked(page)).toEqual([]);
});

test('marks of removed text go with it', async () => {
  const page = await pageWith('<div id="answer"><p>[EMAIL_1]</p></div><p>[IBAN_1]</p>');
  expect(await marked(page)).toEqual(['anna.berg@example.com', 'DE89370400440532013000']);
  await page.evaluate(() => document.querySelector('#answer')!.remove());
  await settle(page);
  expect(await marked(page)).toEqual(['DE89370400440532013000']);
});

test('leaves editors and form fields alone: what is restored there would be sent', async () => {
  const page = await pageWith(
    '<div id="editor" contenteditable="true"><p>[EMAIL_1]</p></div><textarea id="field">[EMAIL_1]</textarea><div contenteditable="false" id="readonly">[EMAIL_1]</div>',
  );
  await page.evaluate(() => document.querySelector('#editor p')!.append(' and [IBAN_1]'));
  await settle(page);
  expect(await text(page, '#editor')).toBe('[EMAIL_1] and [IBAN_1]');
  expect(await page.locator('#field').inputValue()).toBe('[EMAIL_1]');
  // A read-only view (contenteditable=false) is shown text, like any answer.
  expect(await text(page, '#readonly')).toBe('anna.berg@example.com');
});

test('a page that keeps putting its text back wins after a few rounds: the placeholder stays, marked', async () => {
  const page = await pageWith('<p id="a"></p>');
  const writes = await page.evaluate(async () => {
    const node = document.createTextNode('Hi [EMAIL_1]');
    let count = 0;
    // The page's own observer undoes any change to its node (some frameworks re-assert their DOM).
    new MutationObserver(() => {
      if (node.data !== 'Hi [EMAIL_1]' && count < 100) {
        count++;
        node.data = 'Hi [EMAIL_1]';
      }
    }).observe(node, { characterData: true });
    document.querySelector('#a')!.append(node);
    for (let i = 0; i < 20; i++) await new Promise((r) => setTimeout(r, 0));
    return count;
  });
  expect(writes).toBeLessThanOrEqual(4);
  expect(await text(page, '#a')).toBe('Hi [EMAIL_1]');
  expect(await marked(page)).toEqual(['[EMAIL_1]']);
});

test('on-hover never writes an original into the page: placeholders are only marked, across nodes too', async () => {
  const page = await pageWith('<p id="a">Hi [EMA</p>', 'on-hover');
  await page.evaluate(() =>
    document.querySelector('#a')!.append(document.createTextNode('IL_1] and [IBAN_1]')),
  );
  await settle(page);
  expect(await text(page, '#a')).toBe('Hi [EMAIL_1] and [IBAN_1]');
  expect(await marked(page)).toEqual(['[EMAIL_1]', '[IBAN_1]']);
});

test('work follows what changed: a chunk streamed into a long conversation is not a rescan of the page', async () => {
  const earlier = Array.from({ length: 2000 }, (_, i) => `<p>Turn ${i}: [EMAIL_1] and [IBAN_1]</p>`);
  const page = await pageWith(`${earlier.join('')}<p id="a">Now [EMA</p>`);
  expect(await page.evaluate(() => window.lookups)).toBeGreaterThanOrEqual(4000);
  const lookups = await page.evaluate(async () => {
    window.lookups = 0;
    const answer = document.querySelector('#a')!;
    answer.append(document.createTextNode('IL_1] and'));
    await new Promise((r) => setTimeout(r, 0));
    answer.append(document.createTextNode(' [IBAN_1]'));
    await new Promise((r) => setTimeout(r, 0));
    const done = document.createTextNode(' Done');
    answer.append(done);
    await new Promise((r) => setTimeout(r, 0));
    done.appendData('!');
    await new Promise((r) => setTimeout(r, 0));
    return window.lookups;
  });
  expect(await text(page, '#a')).toBe('Now anna.berg@example.com and DE89370400440532013000 Done!');
  expect(await text(page, 'p:first-child')).toBe('Turn 0: anna.berg@example.com and DE89370400440532013000');
  // Four mutations in one paragraph: a few lookups each, not the 4000 of the page.
  expect(lookups).toBeLessThanOrEqual(16);
});

test('stopping gives the page its own text back', async () => {
  const page = await pageWith('<p id="a">Hi [EMAIL_1]</p>');
  expect(await text(page, '#a')).toBe('Hi anna.berg@example.com');
  await page.evaluate(() => window.restorer.stop());
  expect(await text(page, '#a')).toBe('Hi [EMAIL_1]');
  expect(await marked(page)).toEqual([]);
});

test('a page that re-renders the whole answer every frame: restored before each paint, marked once the text lasts', async () => {
  const page = await pageWith('<div id="answer"></div>');
  const answer = (upTo: number) =>
    Array.from(
      { length: upTo },
      (_, i) =>
        `<p>Part ${i}: write to <b>[EMA</b>IL_1] and <code>[IBAN_1]</code> ${'x'.repeat(40)} [EMA<i>IL_1]</i></p>\n<h2>Heading ${i}</h2>\n`,
    ).join('');
  const stream = await page.evaluate(
    async (parts) => {
      const element = document.querySelector('#answer')!;
      const seen: { restored: boolean; marks: number }[] = [];
      for (const html of parts) {
        // As the fixture pages do: innerHTML in an animation frame; what is painted is read in the next.
        await new Promise((r) => requestAnimationFrame(r));
        element.innerHTML = html;
        await Promise.resolve();
        seen.push({
          restored: !element.textContent!.includes('[EMA') && !element.textContent!.includes('[IBAN'),
          marks: CSS.highlights.get('gatehouse-restored')?.size ?? 0,
        });
      }
      return seen;
    },
    Array.from({ length: 12 }, (_, i) => answer(i + 1)),
  );
  // Every frame's new text was restored before the frame was painted (the observer ran first)...
  expect(stream.every((frame) => frame.restored)).toBe(true);
  // ...and never marked: its nodes are gone by the next frame, so the highlight is not rebuilt for them.
  expect(stream.map((frame) => frame.marks)).toEqual(stream.map(() => 0));
  expect(await text(page, '#answer p:last-of-type')).toBe(
    `Part 11: write to anna.berg@example.com and DE89370400440532013000 ${'x'.repeat(40)} anna.berg@example.com`,
  );
  // Once the page stops replacing it, the answer is marked (36 values, all in view or near it).
  await expect.poll(async () => (await marked(page)).length).toBe(36);
});

test('only marks near the viewport are in the highlight; scrolling brings the others', async () => {
  const rows = Array.from({ length: 400 }, (_, i) => `<p id="p${i}">Row ${i}: [EMAIL_1]</p>`).join('');
  const page = await pageWith(rows);
  await expect.poll(async () => (await marked(page)).length).toBeGreaterThan(0);
  const inHighlight = () =>
    page.evaluate(() =>
      [...(CSS.highlights.get('gatehouse-restored') ?? [])].map((r) =>
        Number((r.startContainer.parentElement as HTMLElement).id.slice(1)),
      ),
    );
  const top = await inHighlight();
  expect(Math.min(...top)).toBe(0);
  // The viewport and a screen below it: far fewer than the 400 restored rows.
  expect(top.length).toBeLessThan(150);
  expect(await text(page, '#p399')).toBe('Row 399: anna.berg@example.com');
  await page.evaluate(() => document.querySelector('#p399')!.scrollIntoView());
  await expect
    .poll(async () => {
      await frames(page);
      return Math.max(...(await inHighlight()));
    })
    .toBe(399);
  expect(Math.min(...(await inHighlight()))).toBeGreaterThan(0);
});

test('without animation frames (a hidden tab), the waiting marks of replaced text do not pile up', async () => {
  const page = await browser.newPage();
  await page.setContent('<!doctype html><body><div id="answer"></div></body>');
  await page.addScriptTag({ content: code });
  await page.evaluate(() => window.startRestorer('inline', 'none'));
  const sizes = await page.evaluate(async () => {
    const answer = document.querySelector('#answer')!;
    const seen: number[] = [];
    for (let i = 1; i <= 20; i++) {
      answer.innerHTML = '<p>Hi [EMAIL_1]</p>\n'.repeat(i);
      await new Promise((r) => setTimeout(r, 0));
      seen.push(window.marks.size);
    }
    return seen;
  });
  // Each render's paragraphs wait for a frame; those of earlier renders are gone.
  expect(sizes).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
  expect(await text(page, '#answer p:last-child')).toBe('Hi anna.berg@example.com');
});

test('a long answer re-rendered whole every frame: what is near the viewport is restored before each paint, the rest once the page stops, or when a scroll or a copy needs it', async () => {
  const page = await browser.newPage({ viewport: { width: 800, height: 600 } });
  // An inline custom element, as Gemini's answer is: it has no size of its own to observe.
  await page.setContent('<!doctype html><body><message-content id="answer"></message-content></body>');
  // Idle moments when the test says so: what waits for one is seen waiting.
  await page.evaluate(() => {
    const queue: IdleRequestCallback[] = [];
    window.requestIdleCallback = (callback) => queue.push(callback);
    window.cancelIdleCallback = () => undefined;
    (window as unknown as { idle: () => number }).idle = () => {
      const callbacks = queue.splice(0);
      for (const callback of callbacks) callback({ didTimeout: false, timeRemaining: () => 50 });
      return callbacks.length;
    };
  });
  await page.addScriptTag({ content: code });
  await page.evaluate(() => window.startRestorer('inline'));
  const answer = (parts: number) =>
    Array.from({ length: parts }, (_, i) => `<p>Part ${i}: [EMAIL_1] and [IBAN_1]</p>`).join('\n');
  /** Renders each answer in its own frame; per frame, the paragraphs still showing a placeholder. */
  const stream = (htmls: string[], scrollToPart?: number) =>
    page.evaluate(
      async ({ htmls, scrollToPart }) => {
        const element = document.querySelector('#answer')!;
        const seen: { inView: number; waiting: number }[] = [];
        for (const html of htmls) {
          await new Promise((r) => requestAnimationFrame(r));
          element.innerHTML = html;
          await Promise.resolve();
          const waiting = [...element.children].filter((p) => p.textContent!.includes('[EMAIL_1]'));
          const inView = waiting.filter((p) => {
            const box = p.getBoundingClientRect();
            return box.bottom > 0 && box.top < innerHeight;
          });
          seen.push({ inView: inView.length, waiting: waiting.length });
        }
        if (scrollToPart !== undefined) {
          // The scroll's event comes before the next frame's callbacks: what it brings is restored by then.
          scrollTo(0, (element.children[scrollToPart] as HTMLElement).offsetTop);
          await new Promise((r) => requestAnimationFrame(r));
          const inView = [...element.children].filter((p) => {
            const box = p.getBoundingClientRect();
            return box.bottom > 0 && box.top < innerHeight && p.textContent!.includes('[EMAIL_1]');
          });
          seen.push({ inView: inView.length, waiting: -1 });
        }
        return seen;
      },
      { htmls, scrollToPart },
    );
  const placeholdersLeft = () =>
    page.locator('#answer').evaluate((e) => e.textContent!.split('[EMAIL_1]').length - 1);

  const frames = await stream(
    Array.from({ length: 8 }, (_, i) => answer(300 + i)),
    250,
  );
  // Nothing in view ever showed a placeholder, nor after the scroll...
  expect(frames.map((f) => f.inView)).toEqual(frames.map(() => 0));
  // ...but from the second frame (the first one measured the answer), the paragraphs far below waited.
  expect(frames[0]!.waiting).toBe(0);
  for (const frame of frames.slice(1, -1)) expect(frame.waiting).toBeGreaterThan(200);
  expect(await placeholdersLeft()).toBeGreaterThan(0);
  // The page stopped: an idle moment restores the rest.
  await expect
    .poll(async () => {
      await page.evaluate(() => (window as unknown as { idle: () => number }).idle());
      return placeholdersLeft();
    })
    .toBe(0);

  // A copy while paragraphs wait copies the originals: they are restored before the selection is read.
  await page.evaluate(() => scrollTo(0, 0));
  await stream([answer(320), answer(321)]);
  expect(await placeholdersLeft()).toBeGreaterThan(200);
  const copied = await page.evaluate(() => {
    let selected = '';
    addEventListener('copy', () => (selected = getSelection()!.toString()), { once: true });
    getSelection()!.selectAllChildren(document.querySelector('#answer')!);
    document.dispatchEvent(new ClipboardEvent('copy', { bubbles: true }));
    return selected;
  });
  expect(copied).not.toContain('[EMAIL_1]');
  expect(copied.split('anna.berg@example.com').length - 1).toBe(321);
});

test('a text seen before the map knew its placeholder is restored once it does (what a text gave is not kept past that)', async () => {
  const page = await pageWith('<div id="answer"></div>');
  const render = () =>
    page.evaluate(async () => {
      const answer = document.querySelector('#answer')!;
      answer.innerHTML = '<p>Write to [EMAIL_2] and [EMAIL_1]</p>\n<p>Done</p>';
      await Promise.resolve();
      return answer.querySelector('p')!.textContent;
    });
  // [EMAIL_2] unknown: left as it is (the AI could have invented it).
  expect(await render()).toBe('Write to [EMAIL_2] and anna.berg@example.com');
  expect(await render()).toBe('Write to [EMAIL_2] and anna.berg@example.com');
  // A second paste numbered another address: the same text now shows it too.
  await page.evaluate(() => (window.originals['[EMAIL_2]'] = 'bob@example.com'));
  expect(await render()).toBe('Write to bob@example.com and anna.berg@example.com');
});
