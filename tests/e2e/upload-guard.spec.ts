// The upload guard with the built-in default (uploads: scan, onFinding: redact, unscannable: allow): text
// files picked, dropped or chosen through a detached input reach the page only as redacted copies, byte for
// byte as the page's own handlers read them; binary and clean files reach it unchanged.
import type { Page } from '@playwright/test';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { grantClipboard, serveEditorPages, waitForPasteGuard } from './editor-pages';
import { loggedEvents } from './guard-log';
import { expect, test } from './locked-test';
import { accessibleText } from './paste-notice';

test.describe.configure({ timeout: 180_000 });

const uploadUrl = 'https://claude.ai/__fixture/upload';
const dir = mkdtempSync(path.join(tmpdir(), 'gatehouse-uploads-'));
const file = (name: string, content: string | Uint8Array) => {
  const full = path.join(dir, name);
  writeFileSync(full, content);
  return full;
};
const csv = 'name,mail,phone\nAnna Berg,anna.berg@example.com,+1 415 555 0132\n';
const csvRedacted = 'name,mail,phone\nAnna Berg,[EMAIL],[PHONE]\n';
const files = {
  csv: file('customers.csv', csv),
  // Text by content, whatever the name says.
  dat: file('export.dat', csv),
  // A Windows-1252 export: é is one byte, and stays one byte in the redacted copy.
  latin1: file('clients-latin1.csv', Buffer.from('Café,anna.berg@example.com\n', 'latin1')),
  clean: file('notes.txt', 'Agenda: budget, hiring, roadmap.\n'),
  png: file(
    'chart.png',
    new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 1, 2, 3]),
  ),
};
const bytes = (content: string | Buffer | Uint8Array) => Array.from(Buffer.from(content));

interface Seen {
  source: string;
  name: string;
  type: string;
  bytes: number[];
}
const seen = (page: Page) => page.evaluate(() => (window as unknown as { uploadsSeen: Seen[] }).uploadsSeen);

test.beforeEach(async ({ context }) => {
  await waitForPasteGuard(context);
  await serveEditorPages(context);
});

test('a file input: text files are redacted copies, clean and binary files the originals, for every page handler', async ({
  context,
}) => {
  const page = await context.newPage();
  await page.goto(uploadUrl);
  await page.setInputFiles('#file', [files.csv, files.dat, files.latin1, files.clean, files.png]);
  const expected = [
    { name: 'customers.csv', bytes: bytes(csvRedacted) },
    { name: 'export.dat', bytes: bytes(csvRedacted) },
    { name: 'clients-latin1.csv', bytes: bytes(Buffer.from('Café,[EMAIL]\n', 'latin1')) },
    { name: 'notes.txt', bytes: bytes('Agenda: budget, hiring, roadmap.\n') },
    {
      name: 'chart.png',
      bytes: bytes(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 1, 2, 3])),
    },
  ];
  // The page's window listener (registered first on the page), and its handler on the input.
  for (const source of ['input-capture', 'change-capture', 'input-change']) {
    await expect
      .poll(async () =>
        (await seen(page)).filter((s) => s.source === source).map(({ name, bytes }) => ({ name, bytes })),
      )
      .toEqual(expected);
  }
  // Same names and types as the originals; the input itself holds the copies.
  expect((await seen(page)).find((s) => s.name === 'customers.csv')?.type).toBe('text/csv');
  expect(await page.locator('#file').evaluate((input: HTMLInputElement) => input.files!.length)).toBe(5);
  await expect
    .poll(() => accessibleText(page))
    .toContain(
      'Gatehouse handed over a redacted copy of 3 files: it replaced 3 email addresses and 2 phone numbers.',
    );
  expect(JSON.stringify(await seen(page))).not.toContain(JSON.stringify(bytes('anna.berg')).slice(1, -1));

  const events = await loggedEvents(context);
  expect(events).toEqual([
    expect.objectContaining({
      kind: 'upload_redacted',
      trigger: 'upload',
      host: 'claude.ai',
      files: 3,
      extensions: ['csv', 'dat'],
      counts: { EMAIL: 3, PHONE: 2 },
    }),
  ]);
  expect(JSON.stringify(events)).not.toMatch(/customers|export|latin1|notes|chart|anna/);
});

test('files dropped from outside the page: the drop handler gets the redacted copy', async ({ context }) => {
  const page = await context.newPage();
  await page.goto(uploadUrl);
  const box = (await page.locator('#dropzone').boundingBox())!;
  const session = await context.newCDPSession(page);
  const data = { items: [], files: [files.csv], dragOperationsMask: 1 };
  for (const type of ['dragEnter', 'dragOver', 'drop'] as const)
    await session.send('Input.dispatchDragEvent', { type, x: box.x + 20, y: box.y + 20, data });
  await session.detach();
  await expect
    .poll(async () => (await seen(page)).map(({ source, name, bytes }) => ({ source, name, bytes })))
    .toEqual([{ source: 'drop', name: 'customers.csv', bytes: bytes(csvRedacted) }]);
});

test('a pasted image (not text: unscannable, allowed by default) reaches the page’s paste handler', async ({
  context,
}) => {
  await grantClipboard(context);
  const page = await context.newPage();
  await page.goto(uploadUrl);
  await page.evaluate(async () => {
    const canvas = document.createElement('canvas');
    canvas.width = canvas.height = 4;
    const png = await new Promise<Blob>((resolve) => canvas.toBlob((b) => resolve(b!), 'image/png'));
    await navigator.clipboard.write([new ClipboardItem({ 'image/png': png })]);
  });
  await page.locator('#pastezone').click();
  await page.keyboard.press('Control+V');
  await expect
    .poll(async () => (await seen(page)).map(({ source, type, bytes }) => [source, type, bytes.slice(0, 4)]))
    .toEqual([['paste', 'image/png', [0x89, 0x50, 0x4e, 0x47]]]);
  expect(await loggedEvents(context)).toEqual([]);
});

test('an input the page never put in the document still goes through the guard', async ({ context }) => {
  const page = await context.newPage();
  await page.goto(uploadUrl);
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.locator('#attach').click()]);
  await chooser.setFiles(files.csv);
  await expect
    .poll(async () => (await seen(page)).map(({ source, name, bytes }) => ({ source, name, bytes })))
    .toContainEqual({ source: 'detached', name: 'customers.csv', bytes: bytes(csvRedacted) });
  expect(
    (await seen(page)).every((s) => JSON.stringify(s.bytes) === JSON.stringify(bytes(csvRedacted))),
  ).toBe(true);
});
