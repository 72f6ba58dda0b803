// Deployment proof: a chrome-linux artifact compiled from warn-cn.json, installed where Chromium reads
// managed policy, makes the extension warn (not block, as the default policy would) on DeepSeek.
import { readFileSync } from 'node:fs';
import type { BrowserContext } from '@playwright/test';
import { expect, launchExtensionContext, test } from './fixtures';
import { compilePolicy } from './compiled-policy';
import { withManagedPolicy } from './managed-policy';
import { extensionId, extensionPage, policyInForce, standIn, standInText } from './stand-in';

const bundleFile = 'policies/examples/warn-cn.json';
const bundle = JSON.parse(readFileSync(bundleFile, 'utf8')) as {
  name: string;
  rules: { message?: string }[];
};
const deepseek = 'https://chat.deepseek.com/';
const warnPage = new RegExp(`^chrome-extension://${extensionId}/warn\\.html#`);

/** Opens DeepSeek, meets the warn page with the bundle's message, and continues with a reason. */
async function warnThenContinue(context: BrowserContext): Promise<void> {
  await standIn(context, /^https:\/\/([a-z0-9-]+\.)*deepseek\.com\//);
  const page = await context.newPage();
  await page.goto(deepseek).catch(() => undefined);
  await expect(page).toHaveURL(warnPage);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Check before you continue');
  await expect(page.locator('.message')).toContainText(bundle.rules[0]!.message!);
  await expect(page.locator('.details')).toContainText('warn-cn-jurisdiction');
  await expect(page.getByText('Continuing allows this service in this tab for 30 minutes.')).toBeVisible();
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByRole('alert')).toHaveText('Please write a reason before you continue.');
  await expect(page).toHaveURL(warnPage);
  await page.getByLabel('Why do you need this service?').fill('Evaluating DeepSeek output for a tender');
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page).toHaveURL(deepseek);
  await expect(page.locator('h1')).toHaveText(standInText);
}

test('a compiled chrome-linux policy file puts the bundle in force: DeepSeek warns, Continue reaches it', async () => {
  // The unpacked build has the pinned id; a force-install entry for that id would make Chromium set it
  // aside and wait for a store download that cannot happen here, so this artifact leaves it out.
  const artifact = JSON.parse(compilePolicy(bundleFile, 'chrome-linux', '--no-force-install')) as Record<
    string,
    unknown
  >;
  expect(Object.keys(artifact)).toEqual(['3rdparty']);
  await withManagedPolicy('gatehouse-deploy-e2e', artifact, async () => {
    const context = await launchExtensionContext();
    try {
      await policyInForce(await extensionPage(context), bundle.name, 'managed');
      await warnThenContinue(context);
    } finally {
      await context.close();
    }
  });
});
