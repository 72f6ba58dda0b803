// Every page and notice an employee or admin meets, checked with axe-core: no serious or critical
// violation, in the light and the dark colour scheme; the interstitials also at 200% zoom.
import type { Page } from '@playwright/test';
import { adminPolicy, putAdminPolicyInForce } from './admin-policy';
import { checkAccessibility, noticeCopyPage, noticeMarkup } from './axe';
import {
  claudeUrl,
  grantClipboard,
  openEditor,
  pasteWithKeyboard,
  serveEditorPages,
  waitForPasteGuard,
} from './editor-pages';
import { expect, test } from './locked-test';
import { openPopup, storeActivePolicy } from './log-popup-page';
import { extensionId, extensionPage, policyInForce, standIn } from './stand-in';
import { hashPassphrase } from '../../lib/policy/passphrase-hash';

const schemes = ['light', 'dark'] as const;

async function openBlockPage(page: Page): Promise<void> {
  await page.goto('https://chat.deepseek.com/').catch(() => undefined);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Blocked by your organisation');
  await expect(page.getByRole('link', { name: /^Request access/ })).toBeVisible();
}

async function openWarnPage(page: Page): Promise<void> {
  await page.goto('https://chat.qwen.ai/').catch(() => undefined);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Check before you continue');
  await expect(page.getByRole('button', { name: 'Continue' })).toBeVisible();
}

test.beforeEach(async ({ context }) => {
  await standIn(context, /^https:\/\/([a-z0-9-]+\.)*(qwen\.ai|deepseek\.com|example\.org)\//);
  const ext = await extensionPage(context);
  await policyInForce(ext);
  await putAdminPolicyInForce(ext);
  await ext.close();
});

for (const scheme of schemes) {
  test(`block page, warn page and the error page pass axe (${scheme})`, async ({ context }) => {
    const page = await context.newPage();
    await page.emulateMedia({ colorScheme: scheme });
    await openBlockPage(page);
    expect((await checkAccessibility(page, `block page, ${scheme}`)).blocking).toEqual([]);
    await openWarnPage(page);
    expect((await checkAccessibility(page, `warn page, ${scheme}`)).blocking).toEqual([]);
    // Opened without an address to explain: the one-line error page.
    await page.goto(`chrome-extension://${extensionId}/blocked.html`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('This page could not load its details.');
    expect((await checkAccessibility(page, `error page, ${scheme}`)).blocking).toEqual([]);
  });

  test(`the popup's log, policy view and admin gate pass axe (${scheme})`, async ({ context }) => {
    // Real events first: a block, a warning.
    const visit = await context.newPage();
    await openBlockPage(visit);
    await openWarnPage(visit);
    const page = await openPopup(context, extensionId);
    await page.emulateMedia({ colorScheme: scheme });
    await expect(page.locator('.event-row[data-kind="blocked"]')).toHaveCount(1);
    await expect(page.locator('.event-row[data-kind="warned"]')).toHaveCount(1);
    await expect(page.locator('#chart-readout')).not.toBeEmpty();
    expect((await checkAccessibility(page, `popup log, ${scheme}`)).blocking).toEqual([]);
    await page.getByRole('tab', { name: 'Policy' }).click();
    await expect(page.locator('.policy-table tbody tr')).toHaveCount(168);
    expect((await checkAccessibility(page, `popup policy view, ${scheme}`)).blocking).toEqual([]);

    const passphraseHash = await hashPassphrase('correct horse battery staple', { iterations: 1000 });
    await storeActivePolicy(page, {
      source: 'managed',
      appliedAt: Date.now(),
      policy: { ...adminPolicy, admin: { passphraseHash } },
      problems: [],
    });
    await page.reload();
    await expect(page.getByLabel('Admin passphrase')).toBeVisible();
    expect((await checkAccessibility(page, `popup admin gate, ${scheme}`)).blocking).toEqual([]);
  });
}

test('block and warn pages at 200% zoom: one column, nothing cut off, every control reachable', async ({
  context,
}) => {
  const page = await context.newPage();
  // A 1280-pixel window at 200% zoom lays pages out 640 CSS pixels wide.
  await page.setViewportSize({ width: 640, height: 480 });
  for (const open of [openBlockPage, openWarnPage]) {
    await open(page);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    for (const control of await page.locator('a, button').all()) {
      const box = (await control.boundingBox())!;
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(640);
    }
  }
  // On the block page, Tab reaches the alternatives and Request access in reading order.
  await openBlockPage(page);
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'ChatGPT' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Microsoft Copilot' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: /^Request access/ })).toBeFocused();
});

test('paste notices (redacted, blocked, warn dialog) pass axe in both colour schemes', async ({
  context,
}) => {
  const ext = await extensionPage(context);
  await storeActivePolicy(ext, {
    source: 'managed',
    appliedAt: Date.now(),
    policy: {
      ...adminPolicy,
      rules: [
        ...adminPolicy.rules,
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
      ],
    },
    problems: [],
  });
  await waitForPasteGuard(context);
  await grantClipboard(context);
  await serveEditorPages(context);
  const personal = 'Reply to jane.doe@example.com please';
  const cases = [
    {
      name: 'redacted notice',
      editor: 'textarea',
      url: undefined,
      text: 'Gatehouse replaced 1 email address',
    },
    { name: 'blocked notice', editor: 'prosemirror', url: undefined, text: 'Gatehouse blocked this paste' },
    {
      name: 'warn dialog',
      editor: 'prosemirror',
      url: claudeUrl,
      text: 'This paste contains 1 email address',
    },
  ] as const;
  for (const { name, editor, url, text } of cases) {
    const page = await context.newPage();
    await openEditor(page, editor, url);
    await pasteWithKeyboard(page, personal);
    await expect.poll(() => noticeMarkup(page)).toContain(text);
    const markup = (await noticeMarkup(page))!;
    for (const scheme of schemes) {
      const copy = await noticeCopyPage(context, markup, scheme);
      expect((await checkAccessibility(copy, `${name}, ${scheme}`, '#notice')).blocking).toEqual([]);
      await copy.close();
    }
    await page.close();
  }
});
