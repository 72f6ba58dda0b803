// The send check in every editor the AI services use: what is typed (not pasted) is checked when the user
// sends it, by Enter or by the send button; the page's own send handler records what it would send.
import type { Page } from '@playwright/test';
import {
  editorText,
  openEditor,
  serveEditorPages,
  waitForPasteGuard,
  type EditorName,
  editorCases,
} from './editor-pages';
import { loggedEvents } from './guard-log';
import { expect, test } from './locked-test';
import { accessibleText } from './paste-notice';

const personal = 'Mail jane.doe@example.com or pay with 4111 1111 1111 1111 today';
const redacted = 'Mail [EMAIL_1] or pay with [CREDIT_CARD_1] today';
const clean = 'What is the capital of France?';
const cases = editorCases('input (form submission)');

test.describe.configure({ timeout: 180_000 });

test.beforeEach(async ({ context }) => {
  await waitForPasteGuard(context);
  await serveEditorPages(context);
});

const sent = (page: Page) => page.evaluate(() => window.sentByPage ?? []);
const seenByPage = (page: Page) =>
  page.evaluate(() => (window as unknown as { seenByPage?: string[] }).seenByPage ?? []);

/** Nothing the page recorded (sent, or saw in a paste) holds the personal data. */
async function expectNoLeak(page: Page): Promise<void> {
  const all = [...(await sent(page)), ...(await seenByPage(page))].join('\n');
  expect(all).not.toContain('jane.doe');
  expect(all).not.toContain('4111');
}

/** Clicks the send control the page drew for this editor (the input's is its form's submit button). */
async function clickSend(page: Page, editor: EditorName): Promise<void> {
  if (editor === 'input') await page.locator('#input-submit').click();
  else await page.locator(`[data-sends="${editor}"]`).click();
}

for (const [label, editor, url] of cases) {
  test(`${label}: Enter sends a clean prompt untouched; typed personal data is redacted in the composer and held, then sent redacted`, async ({
    context,
  }) => {
    const page = await context.newPage();
    await openEditor(page, editor, url);
    await page.keyboard.type(clean);
    await page.keyboard.press('Enter');
    await expect.poll(() => sent(page)).toEqual([`${editor}:${clean}`]);
    expect(await editorText(page, editor)).toBe('');

    await page.keyboard.type(personal);
    // ProseMirror (500 ms) and Quill (1 s) merge edits closer together than that into one undo step, a
    // native paste over the selection included.
    await page.waitForTimeout(1100);
    await page.keyboard.press('Enter');
    // The editor's own model holds the redacted text (not only the DOM), and nothing was sent.
    await expect.poll(() => editorText(page, editor)).toBe(redacted);
    await expect
      .poll(() => accessibleText(page))
      .toContain('Gatehouse replaced 1 email address and 1 card number in your message');
    expect(await sent(page)).toEqual([`${editor}:${clean}`]);

    // The replacement is one step of the editor's own undo history.
    await page.keyboard.press('Control+Z');
    await expect.poll(() => editorText(page, editor)).toBe(personal);
    await page.keyboard.press('Enter');
    await expect.poll(() => editorText(page, editor)).toBe(redacted);

    // The user has seen the change and sends again: the page gets the redacted prompt.
    await page.keyboard.press('Enter');
    await expect.poll(() => sent(page)).toEqual([`${editor}:${clean}`, `${editor}:${redacted}`]);
    await expectNoLeak(page);
  });

  test(`${label}: the send button is checked too`, async ({ context }) => {
    const page = await context.newPage();
    await openEditor(page, editor, url);
    await page.keyboard.type(personal);
    await clickSend(page, editor);
    await expect.poll(() => editorText(page, editor)).toBe(redacted);
    expect(await sent(page)).toEqual([]);
    await clickSend(page, editor);
    await expect.poll(() => sent(page)).toEqual([`${editor}:${redacted}`]);

    await page.locator(`[data-fixture-editor="${editor}"]`).click();
    await page.keyboard.type(clean);
    await clickSend(page, editor);
    await expect.poll(() => sent(page)).toEqual([`${editor}:${redacted}`, `${editor}:${clean}`]);
    await expectNoLeak(page);
  });
}

test('text the page put in the composer without any input event (autofill, a restored draft) is checked at send', async ({
  context,
}) => {
  const page = await context.newPage();
  await openEditor(page, 'textarea');
  await page.evaluate((text) => {
    (document.querySelector('#textarea') as HTMLTextAreaElement).value = text;
  }, personal);
  await page.keyboard.press('End');
  await page.keyboard.press('Enter');
  await expect.poll(() => editorText(page, 'textarea')).toBe(redacted);
  expect(await sent(page)).toEqual([]);
  await page.keyboard.press('Enter');
  await expect.poll(() => sent(page)).toEqual([`textarea:${redacted}`]);
});

test('Shift+Enter is a new line, and an Enter that ends an IME composition does not send', async ({
  context,
}) => {
  const page = await context.newPage();
  for (const editor of ['textarea', 'prosemirror'] as const) {
    await openEditor(page, editor);
    await page.keyboard.type('first');
    await page.keyboard.press('Shift+Enter');
    const session = await context.newCDPSession(page);
    await session.send('Input.imeSetComposition', { text: 'にほん', selectionStart: 3, selectionEnd: 3 });
    // Enter while the composition is open commits it: keydown arrives with isComposing.
    await session.send('Input.dispatchKeyEvent', {
      type: 'rawKeyDown',
      key: 'Enter',
      code: 'Enter',
      windowsVirtualKeyCode: 13,
    });
    await session.send('Input.dispatchKeyEvent', {
      type: 'keyUp',
      key: 'Enter',
      code: 'Enter',
      windowsVirtualKeyCode: 13,
    });
    await session.send('Input.insertText', { text: '日本' });
    await session.detach();
    await page.waitForTimeout(300);
    expect(await sent(page)).toEqual([]);
    await expect.poll(() => editorText(page, editor)).toContain('日本');
    await page.keyboard.press('Enter');
    await expect.poll(() => sent(page)).toEqual([expect.stringMatching(new RegExp(`^${editor}:first`))]);
    await page.evaluate(() => (window.sentByPage = []));
  }
});

test('a send through a control the guard does not recognise is recorded as guard_unavailable, once', async ({
  context,
}) => {
  const page = await context.newPage();
  await openEditor(page, 'textarea');
  for (let i = 0; i < 3; i++) {
    await page.locator('#textarea').click();
    await page.keyboard.type(clean);
    await page.locator('#mystery').click();
    await expect.poll(() => sent(page).then((s) => s.length)).toBe(i + 1);
    await page.waitForTimeout(1000);
  }
  await expect
    .poll(async () => (await loggedEvents(context)).filter((e) => e.kind === 'guard_unavailable'), {
      timeout: 10_000,
    })
    .toEqual([
      expect.objectContaining({
        kind: 'guard_unavailable',
        host: 'gemini.google.com',
        service: 'google-gemini',
        trigger: 'send',
        problem: 'send-control',
        count: 1,
      }),
    ]);
});

test('typing into a composer the guard cannot read (a closed shadow root) is recorded as guard_unavailable', async ({
  context,
}) => {
  const page = await context.newPage();
  await page.goto('https://claude.ai/__fixture/shadow');
  await page.evaluate(() => (window as unknown as { closedField: HTMLTextAreaElement }).closedField.focus());
  await page.keyboard.type('hello');
  await expect
    .poll(async () => (await loggedEvents(context)).filter((e) => e.kind === 'guard_unavailable'), {
      timeout: 10_000,
    })
    .toEqual([
      expect.objectContaining({ host: 'claude.ai', trigger: 'send', problem: 'composer', count: 1 }),
    ]);
});

test('the send is recorded as a redaction with trigger send, never with the text', async ({ context }) => {
  const page = await context.newPage();
  await openEditor(page, 'prosemirror');
  await page.keyboard.type(personal);
  await page.keyboard.press('Enter');
  await expect.poll(() => editorText(page, 'prosemirror')).toBe(redacted);
  await expect
    .poll(async () => (await loggedEvents(context)).filter((e) => e.kind === 'redacted'))
    .toEqual([
      expect.objectContaining({
        kind: 'redacted',
        trigger: 'send',
        host: 'chatgpt.com',
        counts: { EMAIL: 1, CREDIT_CARD: 1 },
      }),
    ]);
  expect(JSON.stringify(await loggedEvents(context))).not.toContain('jane.doe');
});
