// No gap at start: the built-in default blocks from the moment the extension loads (its static ruleset),
// not once the service worker has installed its dynamic rules 1.7–3 s later.
import { test, expect } from '@playwright/test';
import { launchExtensionContext } from './fixtures';
import { acquireLockForTest, releaseLock } from './managed-policy';
import { extensionId, extensionPage, policyInForce, standIn, standInText } from './stand-in';

const blockPage = new RegExp(
  `^chrome-extension://${extensionId}/blocked\\.html#https://chat\\.deepseek\\.com/$`,
);

test('the very first navigation of a fresh profile ends on the block page, 3 starts in a row', async () => {
  test.setTimeout(120_000);
  await acquireLockForTest();
  try {
    for (let start = 1; start <= 3; start++) {
      const context = await launchExtensionContext();
      try {
        await standIn(context, /^https:\/\/chat\.deepseek\.com\//);
        const page = context.pages()[0] ?? (await context.newPage());
        // At once: nothing here waits for the worker or its rules.
        await page.goto('https://chat.deepseek.com/').catch(() => undefined);
        expect(page.url(), `start ${start}`).toMatch(blockPage);
        await expect(page.getByRole('heading', { level: 1 })).toHaveText('Blocked by your organisation');
        await expect(page.locator('body')).not.toContainText(standInText);
      } finally {
        await context.close();
      }
    }
  } finally {
    releaseLock();
  }
});

test('Continue on a warning of the static ruleset reaches the site, with no dynamic rule installed', async () => {
  await acquireLockForTest();
  const context = await launchExtensionContext();
  try {
    await standIn(context, /^https:\/\/chat\.qwen\.ai\//);
    const ext = await extensionPage(context);
    // Wait for the worker's dynamic rules, then take them away: only the static ruleset is left.
    await policyInForce(ext);
    const left = await ext.evaluate(async () => {
      const ids = (await chrome.declarativeNetRequest.getDynamicRules()).map((r) => r.id);
      await chrome.declarativeNetRequest.updateDynamicRules({ removeRuleIds: ids });
      return (await chrome.declarativeNetRequest.getDynamicRules()).length;
    });
    expect(left).toBe(0);
    const tab = await context.newPage();
    await tab.goto('https://chat.qwen.ai/').catch(() => undefined);
    await expect(tab).toHaveURL(
      new RegExp(`^chrome-extension://${extensionId}/warn\\.html#https://chat\\.qwen\\.ai/$`),
    );
    await tab.getByRole('button', { name: 'Continue' }).click();
    await expect(tab).toHaveURL('https://chat.qwen.ai/');
    await expect(tab.locator('h1')).toHaveText(standInText);
  } finally {
    await context.close();
    releaseLock();
  }
});
