// Keyboard paste (Control+V, real clipboard) into every editor the AI services use.
import { expect, test } from './locked-test';
import {
  editorText,
  grantClipboard,
  openEditor,
  pasteWithKeyboard,
  serveEditorPages,
  waitForPasteGuard,
  editorCases,
} from './editor-pages';
import { accessibleRoles, accessibleText } from './paste-notice';

const personal = 'Mail jane.doe@example.com or pay with 4111 1111 1111 1111 today';
const redacted = 'Mail [EMAIL_1] or pay with [CREDIT_CARD_1] today';
const clean = 'Résumé for “Q3”: 12 items, 3.5% growth — ok ✓';
const cases = editorCases();

// Browsers launch under the machine-wide managed-policy lock, which another run may hold a while.
test.describe.configure({ timeout: 180_000 });

test.beforeEach(async ({ context }) => {
  await waitForPasteGuard(context);
  await grantClipboard(context);
  await serveEditorPages(context);
});

for (const [label, editor, url] of cases) {
  test(`${label}: personal data is replaced once, the rest intact, undo sane, a clean paste unchanged`, async ({
    context,
  }) => {
    const page = await context.newPage();
    await openEditor(page, editor, url);
    await page.keyboard.type('Start: ');
    // ProseMirror (500 ms) and Quill (1 s) merge edits closer together than that into one undo step,
    // a native paste included.
    await page.waitForTimeout(1100);
    await pasteWithKeyboard(page, personal);
    await expect.poll(() => editorText(page, editor)).toBe(`Start: ${redacted}`);
    await expect
      .poll(() => accessibleText(page))
      .toContain('Gatehouse replaced 1 email address and 1 card number');
    expect(await accessibleRoles(page)).toContain('status');
    const seen = await page.evaluate(() => (window as unknown as { seenByPage: string[] }).seenByPage);
    expect(seen.join('\n')).not.toContain('jane.doe');
    expect(seen.join('\n')).not.toContain('4111');

    // One undo step takes the whole paste back; the typed text stays.
    await page.keyboard.press('Control+Z');
    await expect.poll(() => editorText(page, editor)).toBe('Start: ');

    await pasteWithKeyboard(page, clean);
    await expect.poll(() => editorText(page, editor)).toBe(`Start: ${clean}`);
  });
}

test('HTML: data split over inline elements and in link targets is redacted in the text/html flavour', async ({
  context,
}) => {
  const page = await context.newPage();
  await openEditor(page, 'prosemirror');
  await pasteWithKeyboard(
    page,
    'Write to jane.doe@example.com or me',
    '<p>Write to <strong>jane.doe</strong>@example.com or <a href="mailto:jane.doe@example.com">me</a></p>',
  );
  await expect.poll(() => editorText(page, 'prosemirror')).toBe('Write to [EMAIL_1] or me');
  const html = await page.locator('[data-fixture-editor="prosemirror"]').innerHTML();
  expect(html).toContain('<strong>[EMAIL_1]</strong>');
  expect(html).not.toContain('jane.doe');
  expect(await page.locator('[data-fixture-editor="prosemirror"] a').getAttribute('href')).toBe(
    'mailto:[EMAIL_1]',
  );
  const seen = await page.evaluate(() => (window as unknown as { seenByPage: string[] }).seenByPage);
  expect(seen.join('\n')).not.toContain('jane.doe');
});
