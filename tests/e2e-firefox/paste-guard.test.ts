// Keyboard paste (Control+V, real clipboard) into the editors AI services use, in real Firefox: what
// tests/e2e/paste-editors.spec.ts proves in Chromium, in one browser shared by the tests below.
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { claudeUrl, waitForPasteGuardScript, type EditorName } from '../e2e/editor-pages';
import { launchFirefox, policyInForce, type Firefox } from './firefox';
import {
  editorText,
  noticeReaderAddon,
  noticeRegions,
  noticeText,
  openEditor,
  pasteWithKeyboard,
  seenByPage,
  withControl,
} from './editors';
import { serve } from './serve';

const personal = 'Mail jane.doe@example.com or pay with 4111 1111 1111 1111 today';
const redacted = 'Mail [EMAIL] or pay with [CREDIT_CARD] today';
const clean = 'Résumé for “Q3”: 12 items, 3.5% growth — ok ✓';
/**
 * Before lib/content/transfer.ts (pasteEventWith) and lib/content/page-world.ts, the paste the guard
 * re-dispatches reached the page empty in Firefox, whose ClipboardEvent constructor ignores
 * `clipboardData` and which hides data a content script writes into a DataTransfer from the page:
 * Lexical inserted nothing, ProseMirror captured a native paste and the text arrived twice.
 */
const cases: [label: string, editor: EditorName, url?: string][] = [
  ['textarea', 'textarea'],
  ['plain contenteditable', 'contenteditable'],
  ['ProseMirror at chatgpt.com', 'prosemirror'],
  ['ProseMirror at claude.ai', 'prosemirror', claudeUrl],
  ['Lexical at www.perplexity.ai', 'lexical'],
];

let firefox: Firefox;

beforeAll(async () => {
  firefox = await launchFirefox({ addons: [noticeReaderAddon] });
  const extension = await firefox.extensionPage();
  await policyInForce(extension);
  await extension.evaluate(waitForPasteGuardScript);
  await extension.close();
});

afterAll(async () => {
  await firefox?.close();
});

async function newPage(): Promise<Page> {
  const page = await firefox.browser.newPage();
  await serve(page, { editors: true });
  return page;
}

for (const [label, editor, url] of cases) {
  test(`${label}: personal data is replaced once, the rest intact, undo sane, a clean paste unchanged`, async () => {
    const page = await newPage();
    await openEditor(page, editor, url);
    await page.keyboard.type('Start: ');
    // ProseMirror (500 ms) merges edits closer together than that into one undo step, a native paste included.
    await new Promise((r) => setTimeout(r, 600));
    await pasteWithKeyboard(page, personal);
    await expect.poll(() => editorText(page, editor)).toBe(`Start: ${redacted}`);
    await expect
      .poll(() => noticeText(page))
      .toContain('Gatehouse replaced 1 email address and 1 card number');
    expect((await noticeRegions(page)).map((r) => r.role)).toContain('status');
    const seen = await seenByPage(page);
    expect(seen).not.toContain('jane.doe');
    expect(seen).not.toContain('4111');

    // One undo step takes the whole paste back; the typed text stays.
    await withControl(page, 'z');
    await expect.poll(() => editorText(page, editor)).toBe('Start: ');

    await pasteWithKeyboard(page, clean);
    await expect.poll(() => editorText(page, editor)).toBe(`Start: ${clean}`);
    await page.close();
  });
}

test('HTML: data split over inline elements and in link targets is redacted in the text/html flavour', async () => {
  const page = await newPage();
  await openEditor(page, 'prosemirror');
  await pasteWithKeyboard(
    page,
    'Write to jane.doe@example.com or me',
    '<p>Write to <strong>jane.doe</strong>@example.com or <a href="mailto:jane.doe@example.com">me</a></p>',
  );
  await expect.poll(() => editorText(page, 'prosemirror')).toBe('Write to [EMAIL] or me');
  const html = await page.evaluate(
    () => document.querySelector('[data-fixture-editor="prosemirror"]')!.innerHTML,
  );
  expect(html).toContain('<strong>[EMAIL]</strong>');
  expect(html).not.toContain('jane.doe');
  expect(
    await page.evaluate(() =>
      document.querySelector('[data-fixture-editor="prosemirror"] a')!.getAttribute('href'),
    ),
  ).toBe('mailto:[EMAIL]');
  expect(await seenByPage(page)).not.toContain('jane.doe');
  await page.close();
});
