// Numbered placeholders restored in the AI's answer, in real Chromium, on pages that render answers the way
// ChatGPT, Claude, Gemini and Perplexity do (tests/fixtures/answers): a paste with personal data reaches
// the service as placeholders only (the page's model and the request body it sends), the streamed answer
// shows the originals, marked, and copies with them; a reload keeps or forgets the map as the policy says.
import type { BrowserContext, Page } from '@playwright/test';
import { expect, test } from '@playwright/test';
import {
  answerPages,
  answersDone,
  lastAnswerText,
  openAnswerPage,
  pageModel,
  serveAnswerPages,
  type AnswerStyle,
  type FakeService,
} from './answer-pages';
import {
  editorText,
  grantClipboard,
  pasteWithKeyboard,
  serveEditorPages,
  waitForPasteGuard,
} from './editor-pages';
import { launchExtensionContext } from './fixtures';
import { extensionPolicyFile, withManagedPolicy } from './managed-policy';
import { accessibleText } from './paste-notice';
import { extensionPage, policyInForce, standIn } from './stand-in';

const prompt = 'Draft a reply to anna.berg@example.com about IBAN DE89370400440532013000, cc bob@example.com';
const placeheld = 'Draft a reply to [EMAIL_1] about IBAN [IBAN_1], cc [EMAIL_2]';
const originals = ['anna.berg@example.com', 'DE89370400440532013000', 'bob@example.com'];
const label = 'Restored on this device by Gatehouse';
const styles = Object.keys(answerPages) as AnswerStyle[];

test.describe.configure({ mode: 'serial', timeout: 420_000 });

async function withRestorePolicy(
  redaction: Record<string, string>,
  run: (context: BrowserContext, services: Record<AnswerStyle, FakeService>) => Promise<void>,
): Promise<void> {
  const policy = { name: `Restore ${JSON.stringify(redaction)}`, version: '1', redaction };
  await withManagedPolicy(`gatehouse-restore-${process.pid}`, extensionPolicyFile(policy), async () => {
    const context = await launchExtensionContext();
    try {
      const ext = await extensionPage(context);
      await policyInForce(ext, policy.name, 'managed');
      await ext.close();
      await waitForPasteGuard(context);
      await grantClipboard(context);
      await serveEditorPages(context);
      await run(context, await serveAnswerPages(context));
    } finally {
      await context.close();
    }
  });
}

/** Pastes the prompt into the page's composer, checks what the composer holds, and sends it. */
async function ask(page: Page, style: AnswerStyle, expectedComposer = placeheld): Promise<void> {
  const before = await answersDone(page);
  await pasteWithKeyboard(page, prompt);
  await expect.poll(() => editorText(page, answerPages[style].editor)).toBe(expectedComposer);
  await page.keyboard.press('Enter');
  await expect.poll(() => answersDone(page), { timeout: 30_000 }).toBe(before + 1);
}

/** The service got placeholders only: every request body, and the page's own model of the conversation. */
async function expectNothingLeft(page: Page, service: FakeService): Promise<void> {
  const sent = [...service.bodies, JSON.stringify(await pageModel(page))].join('\n');
  expect(sent).toContain('[EMAIL_1]');
  for (const original of originals) expect(sent).not.toContain(original);
}

/** The marks: CSS highlight ranges (static) over the page's text, as live ranges to read them. */
function liveMarks(): Range[] {
  return [...(CSS.highlights.get('gatehouse-restored') ?? [])].map((r) => {
    const range = document.createRange();
    range.setStart(r.startContainer, r.startOffset);
    range.setEnd(r.endContainer, r.endOffset);
    return range;
  });
}

/** The text of every restored mark, a few frames on: a mark shows once its text has lasted a frame. */
async function markedTexts(page: Page): Promise<string[]> {
  await page.evaluate(async () => {
    for (let i = 0; i < 4; i++) await new Promise((r) => requestAnimationFrame(r));
  });
  await page.evaluate(`window.liveMarks = ${liveMarks.toString()}`);
  return page.evaluate(() => (window as unknown as { liveMarks: typeof liveMarks }).liveMarks().map(String));
}

/** Moves the pointer onto the first mark whose text is `text`. */
async function hover(page: Page, text: string): Promise<void> {
  await page.evaluate(`window.liveMarks = ${liveMarks.toString()}`);
  const box = await page.evaluate((wanted) => {
    const marks = (window as unknown as { liveMarks: typeof liveMarks }).liveMarks();
    const range = marks.find((r) => r.toString() === wanted);
    const rect = range?.getClientRects()[0];
    return rect ? { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 } : null;
  }, text);
  expect(box).not.toBeNull();
  await page.mouse.move(box!.x, box!.y);
}

/** Selects the last answer and copies it with the keyboard; returns what a page elsewhere can paste. */
async function copyLastAnswer(page: Page, reader: Page): Promise<string> {
  await page.evaluate(() => {
    const answer = [...document.querySelectorAll('.message.assistant')].at(-1)!;
    document.getSelection()!.selectAllChildren(answer);
  });
  await page.keyboard.press('Control+C');
  await reader.bringToFront();
  const text = await reader.evaluate(() => navigator.clipboard.readText());
  await page.bringToFront();
  return text;
}

test('restore inline, map kept for the tab: every answer style shows the originals, marked; the service never gets them', async () => {
  await withRestorePolicy({ placeholders: 'restore', placeholderMap: 'tab' }, async (context, services) => {
    await standIn(context, 'https://clipboard-reader.example/**');
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], {
      origin: 'https://clipboard-reader.example',
    });
    const reader = await context.newPage();
    await reader.goto('https://clipboard-reader.example/');

    for (const style of styles) {
      await test.step(`${style}: ${answerPages[style].rendering}`, async () => {
        const page = await context.newPage();
        await openAnswerPage(page, style);
        await ask(page, style);
        await expectNothingLeft(page, services[style]);

        const answer = await lastAnswerText(page);
        expect(answer).toContain('Here is a draft for anna.berg@example.com, as you asked.');
        expect(answer).toMatch(/Confirm DE89370400440532013000 with the team/); // list
        expect(answer).toMatch(/EMAIL\s+bob@example\.com/); // table
        expect(answer).toContain('await send("anna.berg@example.com");'); // code block
        // The AI's own invention has no original: it stays.
        expect(answer).toContain('I also made up [EMAIL_99], which you never wrote.');
        expect(answer).not.toMatch(/\[(EMAIL|IBAN)_[12]\]/);
        // The user's own message is shown restored too; the composer is left alone.
        await expect(page.locator('.message.user').last()).toHaveText(prompt);

        const marked = await markedTexts(page);
        expect(marked.filter((t) => t === 'anna.berg@example.com').length).toBeGreaterThanOrEqual(5);
        expect(new Set(marked)).toEqual(new Set(originals));

        await hover(page, 'DE89370400440532013000');
        await expect.poll(() => accessibleText(page)).toContain(label);

        const copied = await copyLastAnswer(page, reader);
        expect(copied).toContain('Here is a draft for anna.berg@example.com');
        expect(copied).toContain('await send("anna.berg@example.com");');
        await page.close();
      });
    }

    await test.step('a second question in the same tab numbers the same people the same way', async () => {
      const page = await context.newPage();
      await openAnswerPage(page, 'chatgpt');
      await ask(page, 'chatgpt');
      await pasteWithKeyboard(page, 'And carl@example.com, copying bob@example.com');
      await expect.poll(() => editorText(page, 'prosemirror')).toBe('And [EMAIL_3], copying [EMAIL_2]');
      await page.keyboard.press('Enter');
      await expect.poll(() => answersDone(page), { timeout: 30_000 }).toBe(2);
      expect(services.chatgpt.bodies.at(-1)).toContain('And [EMAIL_3], copying [EMAIL_2]');
      expect(await lastAnswerText(page)).toContain('Here is a draft for carl@example.com');
      await page.close();
    });

    await test.step('reload: the kept map restores the conversation the page shows again', async () => {
      const page = await context.newPage();
      await openAnswerPage(page, 'claude');
      await ask(page, 'claude');
      await page.reload();
      await page.waitForFunction(() => document.documentElement.dataset['historyLoaded'] === 'true');
      await expect(page.locator('.message.assistant').last()).toContainText(
        'Here is a draft for anna.berg@example.com',
      );
      // The page's model after the reload came from the service: placeholders.
      expect(JSON.stringify(await pageModel(page))).not.toContain('anna.berg@example.com');
      // Numbering goes on where it was: the same person keeps her number.
      await page.locator('[data-fixture-editor="prosemirror"]').click();
      await pasteWithKeyboard(page, 'Thanks anna.berg@example.com and dora@example.com');
      await expect.poll(() => editorText(page, 'prosemirror')).toBe('Thanks [EMAIL_1] and [EMAIL_3]');

      // Another origin in the same tab: the kept map is gone when the tab comes back.
      await page.goto('https://clipboard-reader.example/');
      await page.goto(answerPages.claude.url);
      await page.waitForFunction(() => document.documentElement.dataset['historyLoaded'] === 'true');
      await expect(page.locator('.message.assistant').last()).toContainText('Here is a draft for [EMAIL_1]');
      await page.close();
    });
  });
});

test('restore on-hover, map for the page only: the page keeps the placeholders, the original shows in an overlay; a reload forgets', async () => {
  await withRestorePolicy(
    { placeholders: 'restore', restoreDisplay: 'on-hover' },
    async (context, services) => {
      const page = await context.newPage();
      await openAnswerPage(page, 'gemini');
      await ask(page, 'gemini');
      await expectNothingLeft(page, services.gemini);
      // Nothing original in the page's DOM text, answer and user message included.
      const domText = await page.evaluate(() => document.body.textContent ?? '');
      expect(domText).toContain('Here is a draft for [EMAIL_1]');
      for (const original of originals) expect(domText).not.toContain(original);
      // The placeholders are marked; pointing at one shows its original in Gatehouse's overlay.
      expect(new Set(await markedTexts(page))).toEqual(new Set(['[EMAIL_1]', '[IBAN_1]', '[EMAIL_2]']));
      await hover(page, '[IBAN_1]');
      await expect.poll(() => accessibleText(page)).toContain('DE89370400440532013000');
      expect(await accessibleText(page)).toContain(label);
      expect(await page.evaluate(() => document.body.textContent ?? '')).not.toContain(
        'DE89370400440532013000',
      );

      await page.reload();
      await page.waitForFunction(() => document.documentElement.dataset['historyLoaded'] === 'true');
      await page.locator('[data-fixture-editor="quill"]').click();
      // The map went with the page: nothing is marked, and numbering starts again.
      expect(await markedTexts(page)).toEqual([]);
      await pasteWithKeyboard(page, 'Write to zoe@example.com');
      await expect.poll(() => editorText(page, 'quill')).toBe('Write to [EMAIL_1]');
      await page.close();
    },
  );
});
