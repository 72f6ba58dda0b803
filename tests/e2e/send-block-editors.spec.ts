// send.mode block in every editor the AI services use: a typed prompt with personal data is held, by Enter
// and by the send button, with the composer (the editor's own model) left exactly as typed; a clean prompt
// is sent untouched. The redact mode in the same editors: send-editors.spec.ts.
import type { Page } from '@playwright/test';
import { expect, test } from '@playwright/test';
import {
  editorText,
  openEditor,
  serveEditorPages,
  waitForPasteGuard,
  type EditorName,
  editorCases,
} from './editor-pages';
import { launchExtensionContext } from './fixtures';
import { loggedEvents } from './guard-log';
import { extensionPolicyFile, withManagedPolicy } from './managed-policy';
import { accessibleText } from './paste-notice';
import { extensionPage, policyInForce } from './stand-in';

const policy = {
  name: 'Send blocked everywhere',
  version: '1',
  send: { mode: 'block' },
  rules: [],
  fallback: { action: 'allow' },
};
const personal = 'Mail jane.doe@example.com or pay with 4111 1111 1111 1111 today';
const clean = 'What is the capital of France?';
const held = 'Gatehouse held this message: it contains 1 email address and 1 card number. Remove it to send.';
const cases = editorCases('input (form submission)');

test.describe.configure({ timeout: 400_000 });

const sent = (page: Page) => page.evaluate(() => window.sentByPage ?? []);

async function clickSend(page: Page, editor: EditorName): Promise<void> {
  if (editor === 'input') await page.locator('#input-submit').click();
  else await page.locator(`[data-sends="${editor}"]`).click();
}

test('send block: every editor holds a typed prompt with personal data, by Enter and by the send button', async () => {
  await withManagedPolicy(`gatehouse-send-block-${process.pid}`, extensionPolicyFile(policy), async () => {
    const context = await launchExtensionContext();
    try {
      const ext = await extensionPage(context);
      await policyInForce(ext, policy.name, 'managed');
      await ext.close();
      await waitForPasteGuard(context);
      await serveEditorPages(context);

      for (const [label, editor, url] of cases) {
        await test.step(label, async () => {
          const page = await context.newPage();
          await openEditor(page, editor, url);
          await page.keyboard.type(clean);
          await page.keyboard.press('Enter');
          await expect.poll(() => sent(page)).toEqual([`${editor}:${clean}`]);

          await page.keyboard.type(personal);
          await page.keyboard.press('Enter');
          await expect.poll(() => accessibleText(page)).toContain(held);
          // Held, and the editor's own model still holds what the user typed, for the user to edit.
          expect(await editorText(page, editor)).toBe(personal);
          await clickSend(page, editor);
          // The second try is held as well (the notice is shown again, nothing reaches the page).
          await page.waitForTimeout(500);
          expect(await sent(page)).toEqual([`${editor}:${clean}`]);
          expect(await editorText(page, editor)).toBe(personal);
          await page.close();
        });
      }

      const events = await loggedEvents(context);
      const blocked = events.filter((e) => e.kind === 'paste_blocked');
      expect(blocked.length).toBe(cases.length * 2);
      for (const event of blocked)
        expect(event).toMatchObject({
          trigger: 'send',
          reason: 'personal-data',
          counts: { EMAIL: 1, CREDIT_CARD: 1 },
        });
      expect(events.filter((e) => e.kind === 'redacted')).toEqual([]);
      expect(JSON.stringify(events)).not.toMatch(/jane\.doe|4111/);
    } finally {
      await context.close();
    }
  });
});
