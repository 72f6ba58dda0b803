// Takes the pictures in README and docs/ from the built extension, with the e2e fixtures and stand-ins,
// so they show what the current code renders: `npm run screenshots` writes docs/images/*.png.
import type { BrowserContext, Page } from '@playwright/test';
import { putAdminPolicyInForce } from '../e2e/admin-policy';
import {
  grantClipboard,
  openEditor,
  pasteWithKeyboard,
  serveEditorPages,
  waitForPasteGuard,
} from '../e2e/editor-pages';
import { expect, test } from '../e2e/locked-test';
import { openPopup } from '../e2e/log-popup-page';
import { extensionId, extensionPage, policyInForce, standIn } from '../e2e/stand-in';

const out = (name: string) => `docs/images/${name}.png`;

async function setUp(context: BrowserContext): Promise<void> {
  await standIn(context, /^https:\/\/([a-z0-9-]+\.)*(qwen\.ai|deepseek\.com)\//);
  const ext = await extensionPage(context);
  await policyInForce(ext);
  await putAdminPolicyInForce(ext);
  await ext.close();
}

async function blockPage(context: BrowserContext, scheme: 'light' | 'dark'): Promise<Page> {
  const page = await context.newPage();
  await page.setViewportSize({ width: 900, height: 900 });
  await page.emulateMedia({ colorScheme: scheme });
  await page.goto('https://chat.deepseek.com/').catch(() => undefined);
  await expect(page.getByRole('link', { name: /^Request access/ })).toBeVisible();
  return page;
}

test('block page, warn page, paste notice and popup', async ({ context }) => {
  await setUp(context);

  const blocked = await blockPage(context, 'light');
  await blocked.screenshot({ path: out('block-page'), fullPage: true });
  const dark = await blockPage(context, 'dark');
  await dark.screenshot({ path: out('block-page-dark'), fullPage: true });

  const warn = await context.newPage();
  await warn.setViewportSize({ width: 900, height: 900 });
  await warn.goto('https://chat.qwen.ai/').catch(() => undefined);
  await expect(warn.getByRole('button', { name: 'Continue' })).toBeVisible();
  await warn.screenshot({ path: out('warn-page'), fullPage: true });

  await waitForPasteGuard(context);
  await grantClipboard(context);
  await serveEditorPages(context);
  const paste = await context.newPage();
  await paste.setViewportSize({ width: 900, height: 360 });
  await openEditor(paste, 'textarea');
  await pasteWithKeyboard(paste, 'Please reply to jane.doe@example.com, IBAN DE89 3704 0044 0532 0130 00');
  await expect(paste.locator('textarea')).toHaveValue(/\[EMAIL\]/);
  await paste.waitForTimeout(300); // the notice fades in
  await paste.screenshot({ path: out('paste-notice') });

  const popup = await openPopup(context, extensionId);
  await popup.setViewportSize({ width: 784, height: 720 });
  await expect(popup.locator('.event-row[data-kind="redacted"]')).toHaveCount(1);
  await expect(popup.locator('#chart-readout')).not.toBeEmpty();
  await popup.screenshot({ path: out('popup-log'), fullPage: true });
  await popup.getByRole('tab', { name: 'Policy' }).click();
  // The same model, decided by where each service processes data: DeepSeek's own chatbot is blocked,
  // DeepSeek models on US clouds are allowed.
  await popup.getByLabel('Search services').fill('deepseek');
  await expect(popup.locator('.policy-table tbody tr')).toHaveCount(6);
  await popup.screenshot({ path: out('popup-policy'), fullPage: true });
});
