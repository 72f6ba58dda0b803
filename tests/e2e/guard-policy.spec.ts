// Per-rule send and upload settings from a managed policy: send warn (redacted, or as typed with a reason),
// send block with the organisation's message, send off; uploads warn, block, unscannable and blocked types.
import type { BrowserContext, Page } from '@playwright/test';
import { expect, test } from '@playwright/test';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  claudeUrl,
  editorText,
  grantClipboard,
  openEditor,
  serveEditorPages,
  waitForPasteGuard,
} from './editor-pages';
import { launchExtensionContext } from './fixtures';
import { loggedEvents } from './guard-log';
import { extensionPolicyFile, withManagedPolicy } from './managed-policy';
import { accessibleText } from './paste-notice';
import { extensionPage, policyInForce } from './stand-in';

const policy = {
  name: 'Send and upload modes',
  version: '1',
  rules: [
    {
      id: 'chatgpt-warn',
      match: { services: ['openai-chatgpt'] },
      action: 'allow',
      send: { mode: 'warn', allowOriginal: true },
    },
    {
      id: 'claude-block',
      match: { services: ['anthropic-claude'] },
      action: 'allow',
      send: { mode: 'block', message: 'Use the internal assistant for customer data.' },
      uploads: { onFinding: 'warn', allowOriginal: true },
    },
    {
      id: 'perplexity-strict',
      match: { services: ['perplexity'] },
      action: 'allow',
      uploads: {
        onFinding: 'block',
        unscannable: 'block',
        message: 'Text files without personal data only.',
      },
    },
    {
      id: 'gemini-open',
      match: { services: ['google-gemini'] },
      action: 'allow',
      send: { mode: 'off' },
      uploads: { mode: 'allow', blockTypes: ['.pst', 'image/*'] },
    },
  ],
};
const personal = 'Reply to jane.doe@example.com please';
const dir = mkdtempSync(path.join(tmpdir(), 'gatehouse-upload-policy-'));
const write = (name: string, content: string | Uint8Array) => {
  writeFileSync(path.join(dir, name), content);
  return path.join(dir, name);
};
const csv = 'name,mail\nAnna,anna.berg@example.com\n';
const files = {
  csv: write('customers.csv', csv),
  clean: write('notes.txt', 'Agenda\n'),
  png: write('chart.png', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13])),
  pst: write('mailbox.pst', 'PST'),
};

test.describe.configure({ mode: 'serial', timeout: 300_000 });

const sent = (page: Page) => page.evaluate(() => window.sentByPage ?? []);
interface Seen {
  source: string;
  name: string;
  bytes: number[];
}
const uploaded = async (page: Page) =>
  (await page.evaluate(() => (window as unknown as { uploadsSeen: Seen[] }).uploadsSeen))
    .filter((s) => s.source === 'input-change')
    .map((s) => `${s.name}:${Buffer.from(s.bytes).toString()}`);

async function uploadPage(context: BrowserContext, origin: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${origin}/__fixture/upload`);
  return page;
}

test('send and upload settings per rule', async () => {
  await withManagedPolicy(`gatehouse-guard-${process.pid}`, extensionPolicyFile(policy), async () => {
    const context = await launchExtensionContext();
    try {
      const ext = await extensionPage(context);
      await policyInForce(ext, policy.name, 'managed');
      await ext.close();
      await waitForPasteGuard(context);
      await grantClipboard(context);
      await serveEditorPages(context);

      await test.step('send warn: "Send redacted", then "Send as typed" with a reason', async () => {
        const page = await context.newPage();
        await openEditor(page, 'prosemirror');
        await page.keyboard.type(personal);
        await page.keyboard.press('Enter');
        await expect.poll(() => accessibleText(page)).toContain('This message contains 1 email address');
        expect(await sent(page)).toEqual([]);
        await page.keyboard.press('Enter'); // "Send redacted" has the focus
        await expect.poll(() => sent(page)).toEqual(['prosemirror:Reply to [EMAIL] please']);

        await page.keyboard.type(personal);
        await page.keyboard.press('Enter');
        await expect.poll(() => accessibleText(page)).toContain('This message contains 1 email address');
        await page.keyboard.press('Shift+Tab'); // to the justification field
        await page.keyboard.type('The customer asked for this reply');
        for (let i = 0; i < 3; i++) await page.keyboard.press('Tab'); // redacted, edit, as typed
        await page.keyboard.press('Enter');
        await expect
          .poll(() => sent(page))
          .toEqual(['prosemirror:Reply to [EMAIL] please', `prosemirror:${personal}`]);
        await page.close();
      });

      await test.step('send block: held with the organisation’s message, the composer untouched', async () => {
        const page = await context.newPage();
        await openEditor(page, 'prosemirror', claudeUrl);
        await page.keyboard.type(personal);
        await page.keyboard.press('Enter');
        await expect
          .poll(() => accessibleText(page))
          .toContain('Gatehouse held this message: it contains 1 email address. Remove it to send.');
        expect(await accessibleText(page)).toContain('Use the internal assistant for customer data.');
        expect(await sent(page)).toEqual([]);
        expect(await editorText(page, 'prosemirror')).toBe(personal);
        await page.close();
      });

      await test.step('send off: sent as typed', async () => {
        const page = await context.newPage();
        await openEditor(page, 'textarea');
        await page.keyboard.type(personal);
        await page.keyboard.press('Enter');
        await expect.poll(() => sent(page)).toEqual([`textarea:${personal}`]);
        await page.close();
      });

      await test.step('uploads warn: the redacted copy, then the original with a reason', async () => {
        const page = await uploadPage(context, 'https://claude.ai');
        await page.setInputFiles('#file', files.csv);
        await expect.poll(() => accessibleText(page)).toContain('Personal data in 1 file: 1 email address');
        expect(await uploaded(page)).toEqual([]);
        await page.keyboard.press('Enter'); // "Upload redacted"
        await expect.poll(() => uploaded(page)).toEqual(['customers.csv:name,mail\nAnna,[EMAIL]\n']);

        await page.setInputFiles('#file', []);
        await page.setInputFiles('#file', files.csv);
        await expect.poll(() => accessibleText(page)).toContain('Personal data in 1 file');
        await page.keyboard.press('Shift+Tab');
        await page.keyboard.type('Customer export for the contract review');
        for (let i = 0; i < 3; i++) await page.keyboard.press('Tab');
        await page.keyboard.press('Enter');
        await expect
          .poll(() => uploaded(page))
          .toEqual(['customers.csv:name,mail\nAnna,[EMAIL]\n', `customers.csv:${csv}`]);
        await page.close();
      });

      await test.step('uploads block and unscannable block: nothing reaches the page but clean text', async () => {
        const page = await uploadPage(context, 'https://www.perplexity.ai');
        await page.setInputFiles('#file', [files.csv, files.png, files.clean]);
        await expect.poll(() => uploaded(page)).toEqual(['notes.txt:Agenda\n']);
        await expect
          .poll(() => accessibleText(page))
          .toContain('Gatehouse did not upload 1 file: it contains 1 email address.');
        expect(await accessibleText(page)).toContain(
          'Gatehouse did not upload 1 file: it cannot be checked for personal data.',
        );
        await page.setInputFiles('#file', files.png);
        await expect.poll(() => accessibleText(page)).toContain('Text files without personal data only.');
        expect(await accessibleText(page)).toContain(
          'Gatehouse did not upload 1 file: it cannot be checked for personal data.',
        );
        expect(await uploaded(page)).toEqual(['notes.txt:Agenda\n']);

        // A pasted image is a file too: unscannable, refused here.
        await page.evaluate(async () => {
          const canvas = document.createElement('canvas');
          canvas.width = canvas.height = 4;
          const png = await new Promise<Blob>((resolve) => canvas.toBlob((b) => resolve(b!), 'image/png'));
          await navigator.clipboard.write([new ClipboardItem({ 'image/png': png })]);
        });
        await page.locator('#pastezone').click();
        await page.keyboard.press('Control+V');
        // The refusal is recorded (checked with the log below); the page's paste handler got nothing.
        await page.waitForTimeout(1000);
        expect(
          (await page.evaluate(() => (window as unknown as { uploadsSeen: Seen[] }).uploadsSeen)).filter(
            (s) => s.source === 'paste',
          ),
        ).toEqual([]);
        await page.close();
      });

      await test.step('uploads allow with blocked types: listed types refused, the rest unread', async () => {
        const page = await uploadPage(context, 'https://gemini.google.com');
        await page.setInputFiles('#file', [files.pst, files.png, files.csv]);
        await expect.poll(() => uploaded(page)).toEqual([`customers.csv:${csv}`]);
        await expect
          .poll(() => accessibleText(page))
          .toContain(
            'Gatehouse did not upload 2 files: your organisation does not allow this type of file here.',
          );
        await page.close();
      });

      await test.step('the log: channels, counts, extensions and the reasons, never names or values', async () => {
        const events = (await loggedEvents(context)).map((e) => {
          const { id: _id, time: _time, seq: _seq, incognito: _incognito, url: _url, ...rest } = e;
          return rest;
        });
        expect(events).toEqual([
          expect.objectContaining({
            kind: 'redacted',
            trigger: 'send',
            rule: 'chatgpt-warn',
            counts: { EMAIL: 1 },
          }),
          expect.objectContaining({
            kind: 'paste_override',
            trigger: 'send',
            justification: 'The customer asked for this reply',
          }),
          expect.objectContaining({ kind: 'paste_blocked', trigger: 'send', reason: 'personal-data' }),
          expect.objectContaining({
            kind: 'upload_redacted',
            trigger: 'upload',
            files: 1,
            extensions: ['csv'],
          }),
          expect.objectContaining({
            kind: 'upload_override',
            trigger: 'upload',
            files: 1,
            extensions: ['csv'],
            justification: 'Customer export for the contract review',
          }),
          expect.objectContaining({
            kind: 'upload_blocked',
            reason: 'personal-data',
            files: 1,
            extensions: ['csv'],
          }),
          expect.objectContaining({
            kind: 'upload_blocked',
            reason: 'unscannable',
            files: 1,
            extensions: ['png'],
          }),
          expect.objectContaining({
            kind: 'upload_blocked',
            reason: 'unscannable',
            files: 1,
            extensions: ['png'],
          }),
          expect.objectContaining({
            kind: 'upload_blocked',
            trigger: 'paste',
            reason: 'unscannable',
            files: 1,
            extensions: ['png'],
          }),
          expect.objectContaining({
            kind: 'upload_blocked',
            rule: 'gemini-open',
            reason: 'file-type',
            files: 2,
            extensions: ['png', 'pst'],
          }),
        ]);
        expect(JSON.stringify(events)).not.toMatch(/jane\.doe|anna\.berg|customers|mailbox|chart/);
      });
    } finally {
      await context.close();
    }
  });
});
