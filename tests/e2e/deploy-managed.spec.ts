// Deployment proof: a chrome-linux artifact compiled from warn-cn.json, installed where Chromium reads
// managed policy, makes the extension warn (not block, as the default policy would) on DeepSeek.
import { existsSync, readFileSync } from 'node:fs';
import type { BrowserContext } from '@playwright/test';
import { expect, launchExtensionContext, test } from './fixtures';
import { chromePolicies } from './chrome-policy-page';
import { compilePolicy } from './compiled-policy';
import { managedPolicyDir, withManagedPolicy } from './managed-policy';
import { packExtension, serveUpdates } from './self-hosted-update';
import { extensionId, extensionPage, policyInForce, standIn, standInText } from './stand-in';

const bundleFile = 'policies/examples/warn-cn.json';
const bundle = JSON.parse(readFileSync(bundleFile, 'utf8')) as {
  name: string;
  rules: { message?: string }[];
};
const deepseek = 'https://chat.deepseek.com/';
const warnPage = new RegExp(`^chrome-extension://${extensionId}/warn\\.html#`);
const policyFile = `${managedPolicyDir}/gatehouse-deploy-e2e.json`;

test.afterEach(() => {
  // The machine-wide policy file is gone again, whatever the test did.
  expect(existsSync(policyFile)).toBe(false);
});

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
  test.setTimeout(300_000); // includes waiting for the machine-wide policy lock
  // The unpacked build has the pinned id; a force-install entry for that id would make Chromium set it
  // aside and wait for a store download that cannot happen here, so this artifact leaves it out.
  const artifact = JSON.parse(compilePolicy(bundleFile, 'chrome-linux', '--no-force-install')) as Record<
    string,
    unknown
  >;
  expect(Object.keys(artifact)).toEqual(['3rdparty']);
  await withManagedPolicy('gatehouse-deploy-e2e', artifact, async () => {
    expect(JSON.parse(readFileSync(policyFile, 'utf8'))).toEqual(artifact);
    const context = await launchExtensionContext();
    try {
      await policyInForce(await extensionPage(context), bundle.name, 'managed');
      // chrome://policy shows the bundle (as JSON text) as the extension's mandatory machine policy, with
      // no error.
      const shown = await chromePolicies(context);
      expect(shown.extensions[extensionId]).toEqual({
        policyJson: {
          level: 'mandatory',
          scope: 'machine',
          source: 'platform',
          value: JSON.stringify(bundle),
        },
      });
      await warnThenContinue(context);
    } finally {
      await context.close();
    }
  });
});

/** Where Chromium says an extension came from (chrome://extensions-internals), once it is installed. */
async function installLocation(context: BrowserContext, id: string): Promise<string> {
  const page = await context.newPage();
  try {
    for (let attempt = 0; attempt < 120; attempt++) {
      await page.goto('chrome://extensions-internals');
      const list = JSON.parse(await page.locator('body').innerText()) as { id: string; location: string }[];
      const found = list.find((e) => e.id === id);
      if (found) return found.location;
      await page.waitForTimeout(500);
    }
    throw new Error(`extension ${id} was not installed`);
  } finally {
    await page.close();
  }
}

test('the full hardened artifact force-installs Gatehouse from a self-hosted update URL and enforces the bundle', async () => {
  test.setTimeout(300_000);
  const server = await serveUpdates(packExtension());
  try {
    const artifact = JSON.parse(
      compilePolicy(bundleFile, 'chrome-linux', '--update-url', server.updateUrl, '--harden'),
    ) as Record<string, unknown>;
    expect(artifact.ExtensionInstallForcelist).toEqual([`${extensionId};${server.updateUrl}`]);
    await withManagedPolicy('gatehouse-deploy-e2e', artifact, async () => {
      // No --load-extension: the only way Gatehouse gets into this browser is the compiled policy.
      const context = await launchExtensionContext({ unpacked: false });
      try {
        expect(await installLocation(context, extensionId)).toBe('EXTERNAL_POLICY_DOWNLOAD');
        expect(
          server.requests.some((r) => r.startsWith('/updates.xml?') && r.includes('installedby%3Dpolicy')),
        ).toBe(true);
        expect(server.requests).toContain('/gatehouse.crx');
        const ownPage = await extensionPage(context);
        await policyInForce(ownPage, bundle.name, 'managed');
        // Hardening in effect: no incognito window, where Gatehouse would not run.
        const incognito = await ownPage.evaluate(() =>
          chrome.windows.create({ incognito: true, url: 'about:blank' }).then(
            () => 'opened',
            (error: unknown) => String(error),
          ),
        );
        expect(incognito).toBe('Error: Incognito mode is disabled.');
        const shown = await chromePolicies(context);
        expect(shown.extensions[extensionId]?.policyJson).toMatchObject({
          value: JSON.stringify(bundle),
          level: 'mandatory',
        });
        for (const [name, value] of Object.entries(artifact).filter(([name]) => name !== '3rdparty')) {
          // Every browser policy the artifact sets is known to Chromium, in force, and without an error.
          expect(shown.browser[name], name).toMatchObject({ value, level: 'mandatory', scope: 'machine' });
          expect(shown.browser[name]?.error, name).toBeUndefined();
        }
        expect(Object.keys(artifact)).toEqual(
          expect.arrayContaining([
            'DeveloperToolsAvailability',
            'ExtensionInstallBlocklist',
            'IncognitoModeAvailability',
          ]),
        );
        await warnThenContinue(context);
      } finally {
        await context.close();
      }
    });
  } finally {
    await server.close();
  }
});
