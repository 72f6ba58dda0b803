// The warn and block pages as a user meets them: details, Continue, Go back, and what cannot be abused.
import { expect, test } from './locked-test';
import { extensionId, extensionPage, policyInForce, standIn, standInText } from './stand-in';

// Under the default policy, services whose data location is unknown (Qwen Chat international) warn.
const warned = 'https://chat.qwen.ai/c/new';
const warnPage = new RegExp(`^chrome-extension://${extensionId}/warn\\.html#`);

test.beforeEach(async ({ context }) => {
  await standIn(context, /^https:\/\/([a-z0-9-]+\.)*(qwen\.ai|example\.org|deepseek\.com)\//);
  await policyInForce(await extensionPage(context));
});

test('warn page names the service; Continue by keyboard reaches the site in that tab only', async ({
  context,
}) => {
  const page = await context.newPage();
  await page.goto(warned).catch(() => undefined);
  await expect(page).toHaveURL(warnPage);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Check before you continue');
  const details = page.locator('.details');
  await expect(details).toContainText('chat.qwen.ai');
  await expect(details).toContainText('Qwen');
  await expect(details).toContainText('warn-unknown-jurisdiction');
  await expect(page.locator('.message')).toContainText('It is not known where this AI service processes');
  // Go back has the focus; Tab moves to Continue, Enter presses it (a trusted event).
  await expect(page.getByRole('button', { name: 'Go back' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Continue' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(warned);
  await expect(page.locator('h1')).toHaveText(standInText);
  // The grant belongs to that tab: another tab is still warned.
  const other = await context.newPage();
  await other.goto(warned).catch(() => undefined);
  await expect(other).toHaveURL(warnPage);
});

test('a scripted click does not continue, and Go back returns to the previous page', async ({ context }) => {
  const page = await context.newPage();
  await page.goto('https://example.org/start');
  await page.goto(warned).catch(() => undefined);
  await expect(page).toHaveURL(warnPage);
  await page
    .getByRole('button', { name: 'Continue' })
    .evaluate((button: HTMLButtonElement) => button.click());
  await page.waitForTimeout(500);
  await expect(page).toHaveURL(warnPage);
  await page.getByRole('button', { name: 'Go back' }).click();
  await expect(page).toHaveURL('https://example.org/start');
});

test('the warn page refuses to work inside a frame', async ({ context }) => {
  const page = await context.newPage();
  await page.goto('https://example.org/');
  await page.evaluate((src) => {
    const frame = document.createElement('iframe');
    frame.src = src;
    document.body.append(frame);
  }, `chrome-extension://${extensionId}/warn.html#${warned}`);
  await expect.poll(() => page.frames().length).toBe(2);
  const frame = page.frames()[1]!;
  await expect(frame.locator('body')).toContainText('Gatehouse blocked this content.');
  await expect(frame.getByRole('button')).toHaveCount(0);
});

test('the block page lists the approved alternatives the policy names', async ({ context }) => {
  const page = await context.newPage();
  await page.goto('https://chat.deepseek.com/').catch(() => undefined);
  await expect(page.getByRole('heading', { name: 'What you can use instead' })).toBeVisible();
  await expect(page.locator('.details')).toContainText('China');
  await expect(page.locator('.message')).toContainText('processes what you type on servers in China');
});
