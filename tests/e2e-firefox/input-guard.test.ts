// The send check and the upload guard in real Firefox: a prompt typed (not pasted) with personal data is
// redacted in the editor's own model and held when the user presses Enter, and the page's send handler
// gets only the redacted prompt; a clean prompt is sent untouched; a text file chosen in a file input
// reaches the page's handlers as a redacted copy. tests/e2e/send-editors.spec.ts and upload-guard.spec.ts
// prove the same in Chromium.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { ElementHandle, Page } from 'puppeteer-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { claudeUrl, waitForPasteGuardScript, type EditorName } from '../e2e/editor-pages';
import { launchFirefox, policyInForce, type Firefox } from './firefox';
import { editorText, noticeReaderAddon, noticeText, openEditor } from './editors';
import { serve } from './serve';

const personal = 'Mail jane.doe@example.com or pay with 4111 1111 1111 1111 today';
const redacted = 'Mail [EMAIL] or pay with [CREDIT_CARD] today';
const clean = 'What is the capital of France?';
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

const sent = (page: Page) => page.evaluate(() => window.sentByPage ?? []);

for (const [label, editor, url] of cases) {
  test(`${label}: a clean prompt is sent untouched; typed personal data is redacted and held, then sent redacted`, async () => {
    const page = await firefox.browser.newPage();
    await serve(page, { editors: true });
    await openEditor(page, editor, url);
    await page.keyboard.type(clean);
    await page.keyboard.press('Enter');
    await expect.poll(() => sent(page)).toEqual([`${editor}:${clean}`]);

    await page.keyboard.type(personal);
    await page.keyboard.press('Enter');
    await expect.poll(() => editorText(page, editor)).toBe(redacted);
    await expect
      .poll(() => noticeText(page))
      .toContain('Gatehouse replaced 1 email address and 1 card number in your message');
    expect(await sent(page)).toEqual([`${editor}:${clean}`]);

    await page.keyboard.press('Enter');
    await expect.poll(() => sent(page)).toEqual([`${editor}:${clean}`, `${editor}:${redacted}`]);
    await page.close();
  });
}

interface Seen {
  source: string;
  name: string;
  bytes: number[];
}

test('a file input: the page’s handlers get the redacted copy of a text file, a binary file as it was', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'gatehouse-firefox-upload-'));
  const csv = path.join(dir, 'customers.csv');
  writeFileSync(csv, 'name,mail\nAnna,anna.berg@example.com\n');
  const png = path.join(dir, 'chart.png');
  const pngBytes = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 1, 2, 3];
  writeFileSync(png, new Uint8Array(pngBytes));

  const page = await firefox.browser.newPage();
  await serve(page, { editors: true });
  await page.goto('https://claude.ai/__fixture/upload');
  const input = (await page.$('input#file')) as ElementHandle<HTMLInputElement> | null;
  await input!.uploadFile(csv, png);
  const seen = () =>
    page.evaluate(() =>
      (window as unknown as { uploadsSeen: Seen[] }).uploadsSeen
        .filter((s) => s.source === 'input-change')
        .map((s) => `${s.name}:${s.bytes.join(',')}`),
    );
  const text = (value: string) => [...Buffer.from(value)].join(',');
  await expect
    .poll(seen)
    .toEqual([`customers.csv:${text('name,mail\nAnna,[EMAIL]\n')}`, `chart.png:${pngBytes.join(',')}`]);
  await expect.poll(() => noticeText(page)).toContain('Gatehouse handed over a redacted copy of 1 file');
  await page.close();
});
