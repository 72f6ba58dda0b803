// Per-rule paste settings from a managed policy: block with a message, warn (redacted or original with a
// justification), files blocked, and mode off.
import type { BrowserContext } from '@playwright/test';
import { expect, test } from '@playwright/test';
import {
  claudeUrl,
  editorText,
  grantClipboard,
  openEditor,
  pasteWithKeyboard,
  serveEditorPages,
  waitForPasteGuard,
} from './editor-pages';
import { launchExtensionContext } from './fixtures';
import { extensionPolicyFile, withManagedPolicy } from './managed-policy';
import { accessibleText } from './paste-notice';
import { extensionPage, policyInForce } from './stand-in';

const policy = {
  name: 'Paste modes',
  version: '1',
  rules: [
    {
      id: 'chatgpt-block',
      match: { services: ['openai-chatgpt'] },
      action: 'allow',
      paste: { mode: 'block', message: 'Use the internal assistant for customer data.' },
    },
    {
      id: 'claude-warn',
      match: { services: ['anthropic-claude'] },
      action: 'allow',
      paste: { mode: 'warn', allowOriginal: true },
    },
    {
      id: 'perplexity-files',
      match: { services: ['perplexity'] },
      action: 'allow',
      paste: { files: 'block' },
    },
    { id: 'gemini-off', match: { services: ['google-gemini'] }, action: 'allow', paste: { mode: 'off' } },
  ],
};
const personal = 'Reply to jane.doe@example.com please';

test.describe.configure({ mode: 'serial', timeout: 240_000 });

test('paste settings per rule: block, warn, files, off', async () => {
  await withManagedPolicy(`gatehouse-paste-${process.pid}`, extensionPolicyFile(policy), async () => {
    const context: BrowserContext = await launchExtensionContext();
    try {
      const ext = await extensionPage(context);
      await policyInForce(ext, policy.name, 'managed');
      await ext.close();
      await waitForPasteGuard(context);
      await grantClipboard(context);
      await serveEditorPages(context);

      await test.step('block: nothing is pasted, the notice names the data and shows the message', async () => {
        const page = await context.newPage();
        await openEditor(page, 'prosemirror');
        await pasteWithKeyboard(page, personal);
        await expect
          .poll(() => accessibleText(page))
          .toContain('Gatehouse blocked this paste: it contains 1 email address');
        expect(await accessibleText(page)).toContain('Use the internal assistant for customer data.');
        expect(await editorText(page, 'prosemirror')).toBe('');
        await page.close();
      });

      await test.step('warn: the user pastes the redacted text, then the original with a reason', async () => {
        const page = await context.newPage();
        await openEditor(page, 'prosemirror', claudeUrl);
        await pasteWithKeyboard(page, personal);
        await expect.poll(() => accessibleText(page)).toContain('This paste contains 1 email address');
        expect(await editorText(page, 'prosemirror')).toBe('');
        await page.keyboard.press('Enter'); // "Paste redacted" has the focus
        await expect.poll(() => editorText(page, 'prosemirror')).toBe('Reply to [EMAIL_1] please');

        await page.keyboard.type(' / ');
        await pasteWithKeyboard(page, personal);
        await expect.poll(() => accessibleText(page)).toContain('This paste contains 1 email address');
        await page.keyboard.press('Shift+Tab'); // to the justification field
        await page.keyboard.type('The customer asked for this reply');
        for (let i = 0; i < 3; i++) await page.keyboard.press('Tab'); // redacted, cancel, original
        await page.keyboard.press('Enter');
        await expect
          .poll(() => editorText(page, 'prosemirror'))
          .toBe('Reply to [EMAIL_1] please / Reply to jane.doe@example.com please');
        await page.close();
      });

      await test.step('files: blocked with a message, text still redacted', async () => {
        const page = await context.newPage();
        await openEditor(page, 'lexical');
        await page.evaluate(async () => {
          const canvas = document.createElement('canvas');
          canvas.width = canvas.height = 4;
          const png = await new Promise<Blob>((resolve) => canvas.toBlob((b) => resolve(b!), 'image/png'));
          await navigator.clipboard.write([new ClipboardItem({ 'image/png': png })]);
        });
        await page.keyboard.press('Control+V');
        await expect.poll(() => accessibleText(page)).toContain('Gatehouse did not paste the files');
        await pasteWithKeyboard(page, personal);
        await expect.poll(() => editorText(page, 'lexical')).toBe('Reply to [EMAIL_1] please');
        await page.close();
      });

      await test.step('off: the paste goes through untouched', async () => {
        const page = await context.newPage();
        await openEditor(page, 'textarea');
        await pasteWithKeyboard(page, personal);
        await expect.poll(() => editorText(page, 'textarea')).toBe(personal);
        await page.close();
      });
    } finally {
      await context.close();
    }
  });
});
