// Ways personal data used to reach the page past the paste guard: HTML the user never sees (comments,
// templates, styles, attributes), fields inside shadow roots, and the page reading the clipboard itself.
import type { Page } from '@playwright/test';
import {
  editorText,
  grantClipboard,
  openEditor,
  pasteWithKeyboard,
  serveEditorPages,
  waitForPasteGuard,
} from './editor-pages';
import { loggedEvents } from './guard-log';
import { expect, test } from './locked-test';

test.describe.configure({ timeout: 180_000 });

test.beforeEach(async ({ context }) => {
  await waitForPasteGuard(context);
  await grantClipboard(context);
  await serveEditorPages(context);
});

const seenByPage = (page: Page) =>
  page.evaluate(() => (window as unknown as { seenByPage: string[] }).seenByPage.join('\n'));

test('HTML: data in comments, templates, styles and any attribute never reaches the page', async ({
  context,
}) => {
  const page = await context.newPage();
  await openEditor(page, 'contenteditable');
  await pasteWithKeyboard(
    page,
    'Hello team',
    [
      '<!-- from jane.doe@example.com -->',
      '<p class="jane.doe@example.com" placeholder="anna.berg@example.com" data-owner="ceo@example.com"',
      ' aria-description="mark@example.com">Hello <b title="x">team</b><!-- cc anna.berg@example.com --></p>',
      '<template><p>bob@example.com</p></template>',
      '<style>/* carol@example.com */ p { color: red }</style>',
    ].join(''),
  );
  await expect.poll(() => editorText(page, 'contenteditable')).toBe('Hello team');
  const seen = await seenByPage(page);
  // The page's own paste listener saw the guard's paste (its HTML included), without any address.
  expect(seen).toContain('Hello');
  expect(seen).not.toMatch(/@example\.com/);
  const dom = await page.locator('#contenteditable').innerHTML();
  expect(dom).not.toMatch(/@example\.com/);
});

test('a paste into a textarea inside an open shadow root lands there, redacted', async ({ context }) => {
  const page = await context.newPage();
  await page.goto('https://claude.ai/__fixture/shadow');
  const field = page.locator('#open-host textarea');
  await field.click();
  await pasteWithKeyboard(page, 'Call +1 415 555 0132 or mail jane.doe@example.com');
  await expect(field).toHaveValue('Call [PHONE] or mail [EMAIL]');
  expect(await seenByPage(page)).not.toContain('jane.doe');
});

test('the page reading the clipboard itself (its own Paste button) gets the redacted text', async ({
  context,
}) => {
  const page = await context.newPage();
  await page.goto('https://claude.ai/__fixture/clipboard');
  await page.evaluate(() =>
    navigator.clipboard.write([
      new ClipboardItem({
        'text/plain': new Blob(['Mail jane.doe@example.com today'], { type: 'text/plain' }),
        'text/html': new Blob(['<p>Mail <b>jane.doe@example.com</b> today</p>'], { type: 'text/html' }),
      }),
    ]),
  );
  const clipboardSeen = () =>
    page.evaluate(() => (window as unknown as { clipboardSeen: string[] }).clipboardSeen);
  await page.locator('#paste-text').click();
  await expect.poll(clipboardSeen).toEqual(['text:Mail [EMAIL] today']);
  await expect(page.locator('#field')).toHaveValue('Mail [EMAIL] today');

  await page.locator('#paste-rich').click();
  await expect
    .poll(clipboardSeen)
    .toEqual([
      'text:Mail [EMAIL] today',
      'text/plain:Mail [EMAIL] today',
      expect.stringMatching(/^text\/html:.*Mail <b>\[EMAIL\]<\/b> today/),
    ]);
  expect(JSON.stringify(await clipboardSeen())).not.toContain('jane.doe');
  const events = await loggedEvents(context);
  expect(events.map((e) => [e.kind, e.trigger])).toEqual([
    ['redacted', 'clipboard'],
    ['redacted', 'clipboard'],
  ]);
});
