// A copy of the guard whose extension went away under it (reloaded, updated, removed): its listeners are
// still the first in the page, so it holds pastes and drops with the reload notice rather than letting
// the page's own listeners see the original.
import type { Page } from '@playwright/test';
import {
  editorText,
  grantClipboard,
  openEditor,
  pasteWithKeyboard,
  serveEditorPages,
  waitForPasteGuard,
} from './editor-pages';
import { expect, test } from './locked-test';
import { accessibleText } from './paste-notice';
import { extensionPage } from './stand-in';

test.describe.configure({ timeout: 180_000 });

const seenByPage = (page: Page) =>
  page.evaluate(() => (window as unknown as { seenByPage: string[] }).seenByPage.join('\n'));

test('after the extension is reloaded under an open tab, its old guard holds the paste', async ({
  context,
}) => {
  await waitForPasteGuard(context);
  await grantClipboard(context);
  await serveEditorPages(context);
  const page = await context.newPage();
  await openEditor(page, 'textarea');
  await pasteWithKeyboard(page, 'first jane.doe@example.com');
  await expect.poll(() => editorText(page, 'textarea')).toBe('first [EMAIL]');

  const ext = await extensionPage(context);
  // The extension context of every copy in the pages is gone from here on.
  await ext.evaluate(() => chrome.runtime.reload()).catch(() => undefined);
  await page.waitForTimeout(1500);

  await page.bringToFront();
  await page.locator('#textarea').click();
  await pasteWithKeyboard(page, ' then anna.berg@example.com');
  await page.waitForTimeout(1000);
  expect(await seenByPage(page)).not.toContain('anna.berg');
  expect(await editorText(page, 'textarea')).toBe('first [EMAIL]');
  await expect.poll(() => accessibleText(page)).toContain('Reload the page to be protected');
});
