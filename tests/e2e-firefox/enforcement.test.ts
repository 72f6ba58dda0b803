// The built-in default policy in real Firefox: what tests/e2e/enforcement-default.spec.ts and
// interstitials.spec.ts prove in Chromium, in one browser shared by the tests below.
import type { AddressInfo } from 'node:net';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { readAllIndexedDb } from '../e2e/log-popup-page';
import { standInText } from '../e2e/stand-in';
import { startWebSocketServer } from '../e2e/websocket-server';
import {
  extensionOrigin,
  launchFirefox,
  navigate,
  open,
  policyInForce,
  waitForUrl,
  type Firefox,
} from './firefox';
import { clickButton, countOf, focused, textOf } from './page-text';
import { serve } from './serve';

const blockPage = new RegExp(`^${extensionOrigin}/blocked\\.html#`);
const warnPage = new RegExp(`^${extensionOrigin}/warn\\.html#`);
const standIns =
  /^https?:\/\/([a-z0-9-]+\.)*(deepseek\.com|moonshot\.cn|baidu\.com|chatgpt\.com|example\.org|volcengine\.com|qwen\.ai)\.?(:\d+)?\//i;
// Under the default policy, services whose data location is unknown (Qwen Chat international) warn.
const warned = 'https://chat.qwen.ai/c/new';

let firefox: Firefox;
let extension: Page;

beforeAll(async () => {
  // Every host name resolves to this machine, so the websocket test can reach its local server by name.
  firefox = await launchFirefox({ prefs: { 'network.dns.forceResolve': '127.0.0.1' } });
  extension = await firefox.extensionPage();
  await policyInForce(extension);
});

afterAll(async () => {
  await firefox?.close();
});

async function newPage(): Promise<Page> {
  const page = await firefox.browser.newPage();
  await serve(page, { standIns });
  return page;
}

async function expectBlocked(page: Page, url: string, service = 'DeepSeek'): Promise<void> {
  // Where the tab settles, so a missed block fails at once (at the stand-in) rather than by timeout.
  const at = await open(page, url);
  expect(at, `${url} was not blocked`).toMatch(blockPage);
  // The page names what was stopped: the address in its fragment is the one asked for.
  expect(at.slice(at.indexOf('#') + 1)).toBe(new URL(url).href);
  await expect.poll(() => textOf(page, 'h1'), { timeout: 10_000 }).toBe('Blocked by your organisation');
  await expect.poll(() => textOf(page, '.details')).toContain(service);
  expect(await textOf(page, 'body')).not.toContain(standInText);
}

async function expectStandIn(page: Page, url: string): Promise<void> {
  await navigate(page, url);
  await expect.poll(() => textOf(page, 'h1'), { timeout: 10_000 }).toBe(standInText);
}

describe('default policy', () => {
  test('stops chat.deepseek.com and its variants with the block page', async () => {
    const page = await newPage();
    for (const url of [
      'https://chat.deepseek.com/',
      'https://CHAT.DeepSeek.COM/a/chat?q=1',
      // Firefox matches requestDomains against the host as written: lib/policy/dnr-host-spelling.ts.
      'https://chat.deepseek.com./',
      'https://chat.deepseek.com:8443/',
      'http://chat.deepseek.com/',
      'https://www.deepseek.com/',
      'https://platform.deepseek.com/usage',
    ]) {
      await expectBlocked(page, url);
    }
    await page.close();
  });

  test("stops other CN services but lets a CN company's ordinary site and an allowed AI service through", async () => {
    const page = await newPage();
    await expectBlocked(page, 'https://kimi.moonshot.cn/', 'Kimi');
    await expectBlocked(page, 'https://yiyan.baidu.com/', 'ERNIE');
    // A path-prefix service, plainly and with a %-encoded letter the browser does not decode.
    await expectBlocked(page, 'https://www.volcengine.com/product/ark', 'Volcano');
    await expectBlocked(page, 'https://www.volcengine.com/product/%61rk', 'Volcano');
    for (const url of [
      'https://www.baidu.com/',
      'https://chatgpt.com/',
      'https://www.volcengine.com/docs/',
    ]) {
      await expectStandIn(page, url);
    }
    await page.close();
  });

  test('blocks api.deepseek.com fetched from another site and an iframe of chat.deepseek.com, and logs both', async () => {
    const page = await newPage();
    const failures: string[] = [];
    page.on('requestfailed', (r) => failures.push(`${r.url()} ${r.failure()?.errorText}`));
    await expectStandIn(page, 'https://example.org/');
    const fetched = await page.evaluate(() =>
      fetch('https://api.deepseek.com/v1/chat/completions', { method: 'POST', body: '{}' }).then(
        (r) => `status ${r.status}`,
        (e: Error) => `error ${e.message}`,
      ),
    );
    expect(fetched).toMatch(/^error/);
    // Firefox's DNR cancels a blocked request with NS_ERROR_ABORT (Chromium: net::ERR_BLOCKED_BY_CLIENT).
    expect(failures).toContain('https://api.deepseek.com/v1/chat/completions NS_ERROR_ABORT');
    const control = await page.evaluate(() => fetch('https://example.org/data').then((r) => r.json()));
    expect(control).toEqual({ standIn: true });

    await page.evaluate(() => {
      const frame = document.createElement('iframe');
      frame.src = 'https://chat.deepseek.com/';
      document.body.append(frame);
    });
    // Puppeteer does not see a frame land on an extension page: ask the frame where it is.
    const frameAt = async () => {
      const frame = page.frames()[1];
      return frame ? frame.evaluate(() => location.href).catch(() => '') : '';
    };
    await expect.poll(frameAt, { timeout: 10_000 }).toMatch(blockPage);
    await expect.poll(() => textOf(page.frames()[1]!, 'body')).toContain('Gatehouse blocked this content.');

    // Neither has a block page of its own to record it: the background logs both, the control host not
    // (Firefox reports the blocked fetch as NS_ERROR_ABORT: lib/background/blocked-requests.ts).
    await expect
      .poll(() => blockedBelowPage(['api.deepseek.com', 'chat.deepseek.com']), { timeout: 15_000 })
      .toEqual([
        ['deepseek', 'api.deepseek.com', 'xmlhttprequest', 1],
        ['deepseek', 'chat.deepseek.com', 'sub_frame', 1],
      ]);
    expect(await extension.evaluate(readAllIndexedDb)).not.toContain('example.org');
    await page.close();
  });

  test('blocks a beacon (a request type only Firefox names) to deepseek.com, and logs it as one', async () => {
    const page = await newPage();
    const failures: string[] = [];
    page.on('requestfailed', (r) => failures.push(`${r.url()} ${r.failure()?.errorText}`));
    await expectStandIn(page, 'https://example.org/beacon');
    expect(await page.evaluate(() => navigator.sendBeacon('https://www.deepseek.com/collect', 'x'))).toBe(
      true,
    );
    await expect.poll(() => failures).toContain('https://www.deepseek.com/collect NS_ERROR_ABORT');
    await expect
      .poll(() => blockedBelowPage(['www.deepseek.com']), { timeout: 15_000 })
      .toEqual([['deepseek', 'www.deepseek.com', 'beacon', 1]]);
    await page.close();
  });

  test('blocks a websocket to chat.deepseek.com while one to an ordinary host opens', async () => {
    const server = await startWebSocketServer();
    const port = (server.address() as AddressInfo).port;
    const page = await firefox.browser.newPage();
    try {
      // Both names resolve to the local server (network.dns.forceResolve): only the extension tells them apart.
      await navigate(page, `http://ws.example.org:${port}/`);
      const open = (url: string) =>
        page.evaluate(
          (url) =>
            new Promise<string>((resolve) => {
              const socket = new WebSocket(url);
              socket.onopen = () => resolve('open');
              socket.onerror = () => resolve('error');
            }),
          url,
        );
      expect(await open(`ws://ws.example.org:${port}/`)).toBe('open');
      expect(await open(`ws://chat.deepseek.com:${port}/`)).toBe('error');
    } finally {
      await page.close();
      server.close();
    }
  });
});

describe('warn and block pages', () => {
  test('warn page names the service; Continue by keyboard reaches the site in that tab only', async () => {
    const page = await newPage();
    await navigate(page, warned, warnPage);
    await expect.poll(() => textOf(page, 'h1')).toBe('Check before you continue');
    const details = await textOf(page, '.details');
    expect(details).toContain('chat.qwen.ai');
    expect(details).toContain('Qwen');
    expect(details).toContain('warn-unknown-jurisdiction');
    expect(await textOf(page, '.message')).toContain('It is not known where this AI service processes');
    // Go back has the focus; Tab moves to Continue, Enter presses it (a trusted event).
    await expect.poll(() => focused(page)).toBe('BUTTON Go back');
    await page.keyboard.press('Tab');
    expect(await focused(page)).toBe('BUTTON Continue');
    await page.keyboard.press('Enter');
    await waitForUrl(page, warned);
    await expect.poll(() => textOf(page, 'h1')).toBe(standInText);
    // The grant belongs to that tab: another tab is still warned.
    const other = await newPage();
    await navigate(other, warned, warnPage);
    await other.close();
    await page.close();
  });

  test('a Continue grant expires: when its alarm fires the tab is warned again', async () => {
    const page = await newPage();
    await navigate(page, 'https://chat.qwen.ai/expiry', warnPage);
    const before = Date.now();
    await clickButton(page, 'Continue');
    await waitForUrl(page, 'https://chat.qwen.ai/expiry');
    // The grant is a session rule for this tab plus an alarm at the policy's bypassMinutes (60 by default).
    const grant = await extension.evaluate(async () => {
      const alarms = await chrome.alarms.getAll();
      const rules = await chrome.declarativeNetRequest.getSessionRules();
      return { alarms: alarms.map((a) => ({ name: a.name, at: a.scheduledTime })), rules: rules.length };
    });
    expect(grant.rules).toBeGreaterThan(0);
    // This tab's grant is the newest (an earlier test's grant for its own tab may still run).
    const alarm = grant.alarms
      .filter((a) => a.name.startsWith('gatehouse-grant:'))
      .sort((a, b) => b.at - a.at)[0];
    expect(alarm, JSON.stringify(grant.alarms)).toBeDefined();
    expect(alarm!.at - before).toBeGreaterThan(59 * 60_000);
    expect(alarm!.at - before).toBeLessThan(61 * 60_000);
    await expectStandIn(page, 'https://chat.qwen.ai/expiry-still-granted');

    // Bring the alarm forward (same name: it replaces the hour-long one) and let the background expire it.
    await extension.evaluate((name) => chrome.alarms.create(name, { when: Date.now() + 200 }), alarm!.name);
    const grantRuleIds = alarm!.name.split(':')[2]!.split(',').map(Number);
    const sessionRuleIds = () =>
      extension.evaluate(() =>
        chrome.declarativeNetRequest.getSessionRules().then((r) => r.map((x) => x.id)),
      );
    expect(await sessionRuleIds()).toEqual(expect.arrayContaining(grantRuleIds));
    await expect
      .poll(async () => (await sessionRuleIds()).filter((id) => grantRuleIds.includes(id)))
      .toEqual([]);
    await navigate(page, 'https://chat.qwen.ai/expired', warnPage);
    await page.close();
  });

  test('a scripted click does not continue, and Go back returns to the previous page', async () => {
    const page = await newPage();
    await expectStandIn(page, 'https://example.org/start');
    await navigate(page, warned, warnPage);
    await expect.poll(() => countOf(page, 'button')).toBeGreaterThan(1);
    await page.evaluate(() =>
      [...document.querySelectorAll('button')].find((b) => b.innerText.trim() === 'Continue')!.click(),
    );
    await new Promise((r) => setTimeout(r, 500));
    expect(await page.evaluate(() => location.href)).toMatch(warnPage);
    await clickButton(page, 'Go back');
    await waitForUrl(page, 'https://example.org/start');
    await page.close();
  });

  test('the warn page refuses to work inside a frame', async () => {
    const page = await newPage();
    await expectStandIn(page, 'https://example.org/');
    await page.evaluate((src) => {
      const frame = document.createElement('iframe');
      frame.src = src;
      document.body.append(frame);
    }, `${extensionOrigin}/warn.html#${warned}`);
    await expect.poll(() => page.frames().length).toBe(2);
    const frame = page.frames()[1]!;
    await expect.poll(() => textOf(frame, 'body')).toContain('Gatehouse blocked this content.');
    expect(await countOf(frame, 'button')).toBe(0);
    await page.close();
  });

  test('the block page lists the approved alternatives the policy names', async () => {
    const page = await newPage();
    await expectBlocked(page, 'https://chat.deepseek.com/alternatives');
    await expect.poll(() => textOf(page, 'body')).toContain('What you can use instead');
    expect(await textOf(page, '.details')).toContain('China');
    expect(await textOf(page, '.message')).toContain('processes what you type on servers in China');
    await page.close();
  });
});

interface LoggedBlock {
  kind: string;
  service: string | null;
  host: string | null;
  resourceType?: string;
  count?: number;
}

/** Blocks the background logged below the page (frames and sub-resources) for these hosts. */
async function blockedBelowPage(hosts: string[]): Promise<unknown[]> {
  const events = (JSON.parse(await extension.evaluate(readAllIndexedDb)) as Record<string, LoggedBlock[]>)[
    'gatehouse-log/events'
  ];
  return (events ?? [])
    .filter((e) => e.kind === 'blocked' && e.resourceType && hosts.includes(e.host ?? ''))
    .map((e) => [e.service, e.host, e.resourceType, e.count]);
}
