// Firefox treats Manifest V3 host permissions as optional: a user can withdraw them in about:addons, and
// then the browser ignores Gatehouse's redirects to its block and warn pages (the service loads). Gatehouse
// must stay closed: plain blocks instead, a `health` event in the log, a notice in the popup.
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { readAllIndexedDb } from '../e2e/log-popup-page';
import { standInText } from '../e2e/stand-in';
import { extensionOrigin, launchFirefox, navigate, open, policyInForce, type Firefox } from './firefox';
import { click, textOf } from './page-text';
import { serve } from './serve';

const standIns = /^https:\/\/([a-z0-9-]+\.)*(deepseek\.com|qwen\.ai|chatgpt\.com)\//;
let firefox: Firefox;
let extension: Page;

beforeAll(async () => {
  // Optional permissions are granted without a prompt (the grant below is still a real click).
  firefox = await launchFirefox({ prefs: { 'extensions.webextOptionalPermissionPrompts': false } });
  extension = await firefox.extensionPage();
  await policyInForce(extension);
});

afterAll(async () => {
  await firefox?.close();
});

const redirectRules = () =>
  extension.evaluate(() =>
    chrome.declarativeNetRequest
      .getDynamicRules()
      .then((rules) => rules.filter((r) => r.action.type === 'redirect').length),
  );

async function healthEvents(): Promise<[string, boolean][]> {
  const events = (
    JSON.parse(await extension.evaluate(readAllIndexedDb)) as Record<
      string,
      { kind: string; check?: string; ok?: boolean }[]
    >
  )['gatehouse-log/events'];
  return (events ?? []).filter((e) => e.kind === 'health').map((e) => [e.check!, e.ok!]);
}

/** Opens `url` and reports what the tab shows once the navigation is over: the stand-in, or nothing. */
async function whatLoads(page: Page, url: string): Promise<string> {
  const failed: string[] = [];
  const onFailed = (r: { url(): string; failure(): { errorText: string } | null }) =>
    failed.push(`${r.url()} ${r.failure()?.errorText}`);
  page.on('requestfailed', onFailed);
  void page.goto(url, { timeout: 0 }).catch(() => undefined);
  for (let i = 0; i < 100 && !failed.some((f) => f.startsWith(url)); i++) {
    if ((await textOf(page, 'h1')) === standInText) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  page.off('requestfailed', onFailed);
  return (await textOf(page, 'h1')) === standInText
    ? 'stand-in'
    : (failed.find((f) => f.startsWith(url)) ?? 'nothing');
}

test('withdrawn host access: blocked and warned services are still stopped, the log and the popup say so', async () => {
  const page = await firefox.browser.newPage();
  await serve(page, { standIns });
  expect(await open(page, 'https://chat.deepseek.com/')).toMatch(
    new RegExp(`^${extensionOrigin}/blocked\\.html#`),
  );
  expect(await redirectRules()).toBeGreaterThan(0);

  // What a user does in about:addons → Permissions ("Access your data for all websites" off).
  expect(await extension.evaluate(() => chrome.permissions.remove({ origins: ['<all_urls>'] }))).toBe(true);
  await expect.poll(redirectRules, { timeout: 10_000 }).toBe(0);
  expect(await whatLoads(page, 'https://chat.deepseek.com/again')).toBe(
    'https://chat.deepseek.com/again NS_ERROR_ABORT',
  );
  expect(await whatLoads(page, 'https://chat.qwen.ai/')).toBe('https://chat.qwen.ai/ NS_ERROR_ABORT');
  expect(await whatLoads(page, 'https://chatgpt.com/')).toBe('stand-in');
  await expect.poll(healthEvents).toEqual([['host_access', false]]);

  const popup = await firefox.extensionPage('popup.html');
  await expect
    .poll(() => textOf(popup, '[data-testid="host-access-missing"]'))
    .toContain('Gatehouse has no access to websites');

  // Granted again (a real click, as in about:addons): the block page is back, and so is the popup.
  await popup.evaluate(() => {
    const button = document.createElement('button');
    button.id = 'e2e-grant';
    button.textContent = 'grant';
    button.addEventListener('click', () => void chrome.permissions.request({ origins: ['<all_urls>'] }));
    document.body.prepend(button);
  });
  await click(popup, '#e2e-grant');
  await expect.poll(redirectRules, { timeout: 10_000 }).toBeGreaterThan(0);
  expect(await open(page, 'https://chat.deepseek.com/back')).toMatch(
    new RegExp(`^${extensionOrigin}/blocked\\.html#`),
  );
  await expect.poll(healthEvents).toEqual([
    ['host_access', false],
    ['host_access', true],
  ]);
  await expect.poll(() => textOf(popup, '[data-testid="host-access-missing"]')).toBe('');
  await navigate(popup, `${extensionOrigin}/popup.html`);
  await expect.poll(() => textOf(popup, '.event-row[data-kind="health"]')).toContain('Site access restored');
});
