// The Chromium suite's editor fixtures (tests/fixtures/editors, served by tests/e2e/editor-pages.ts), driven
// with Puppeteer's keyboard, and the paste notice read through a test-instrument add-on.
import path from 'node:path';
import type { KeyInput, Page } from 'puppeteer-core';
import { editorPages, writeClipboard, type EditorName } from '../e2e/editor-pages';
import { navigate } from './firefox';
import { click } from './page-text';

/** Installed beside Gatehouse in the paste tests: it reads the notice's closed shadow root (see its source). */
export const noticeReaderAddon = path.resolve('tests/fixtures/firefox-notice-reader');

export async function openEditor(
  page: Page,
  editor: EditorName,
  url = editorPages[editor].url,
): Promise<void> {
  await navigate(page, url);
  await page.waitForFunction((name) => Boolean(window.fixtureEditors?.[name]), { timeout: 15_000 }, editor);
  await click(page, `[data-fixture-editor="${editor}"]`);
}

export function editorText(page: Page, editor: EditorName): Promise<string> {
  // A trailing space typed into a contenteditable is stored as a no-break space.
  return page.evaluate((name) => window.fixtureEditors[name]!.text().replace(/\u00a0/g, ' '), editor);
}

/** A key with Control held, as a person presses it. */
export async function withControl(page: Page, key: KeyInput): Promise<void> {
  await page.keyboard.down('Control');
  await page.keyboard.press(key);
  await page.keyboard.up('Control');
}

/** Puts text (and optionally HTML) on the system clipboard, then pastes with the keyboard. */
export async function pasteWithKeyboard(page: Page, text: string, html?: string): Promise<void> {
  await page.evaluate(writeClipboard, { text, html });
  await withControl(page, 'v');
}

export interface NoticeRegion {
  role: string;
  label: string | null;
  text: string;
}

/** The notice's regions (role, label, text) as the reader add-on finds them in the closed shadow root. */
export async function noticeRegions(page: Page): Promise<NoticeRegion[]> {
  const json = await page.evaluate(() => {
    window.dispatchEvent(new CustomEvent('gatehouse-e2e-read-notice'));
    return document.documentElement.getAttribute('data-e2e-notice');
  });
  return json ? (JSON.parse(json) as NoticeRegion[]) : [];
}

/** All the notice's text, as one string. */
export async function noticeText(page: Page): Promise<string> {
  return (await noticeRegions(page)).map((r) => r.text).join(' ');
}

/** What the page's own listeners saw of pastes and drops (fixture pages record it: see editor-pages.ts). */
export function seenByPage(page: Page): Promise<string> {
  return page.evaluate(() => (window as unknown as { seenByPage: string[] }).seenByPage.join('\n'));
}
