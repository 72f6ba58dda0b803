// The built-in default policy in real Chromium: DeepSeek and other CN services are stopped in the engine.
import type { AddressInfo } from 'node:net';
import { launchExtensionContext } from './fixtures';
import { expect, test } from './locked-test';
import { acquireLockForTest, releaseLock } from './managed-policy';
import { dumpExtensionIndexedDb } from './log-popup-page';
import { extensionId, extensionPage, policyInForce, standIn, standInText } from './stand-in';
import { startWebSocketServer } from './websocket-server';

test.describe('default policy', () => {
  test.beforeEach(async ({ context }) => {
    await standIn(
      context,
      /^https?:\/\/([a-z0-9-]+\.)*(deepseek\.com|moonshot\.cn|baidu\.com|aliyun\.com|chatgpt\.com|example\.org|volcengine\.com)\.?(:\d+)?\//i,
    );
    await policyInForce(await extensionPage(context));
  });

  test('stops chat.deepseek.com and its variants with the block page', async ({ context }) => {
    const page = await context.newPage();
    for (const url of [
      'https://chat.deepseek.com/',
      'https://CHAT.DeepSeek.COM/a/chat?q=1',
      'https://chat.deepseek.com./',
      'https://chat.deepseek.com:8443/',
      'http://chat.deepseek.com/',
      'https://www.deepseek.com/',
      'https://platform.deepseek.com/usage',
    ]) {
      await page.goto(url).catch(() => undefined);
      await expect(page, url).toHaveURL(new RegExp(`^chrome-extension://${extensionId}/blocked\\.html#`));
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Blocked by your organisation');
      await expect(page.locator('.details')).toContainText('DeepSeek');
      await expect(page.locator('body')).not.toContainText(standInText);
    }
  });

  test("stops other CN services but lets a CN company's ordinary site and an allowed AI service through", async ({
    context,
  }) => {
    const page = await context.newPage();
    for (const url of [
      'https://kimi.moonshot.cn/',
      'https://yiyan.baidu.com/',
      // A path-prefix service, plainly and with a %-encoded letter the browser does not decode.
      'https://www.volcengine.com/product/ark',
      'https://www.volcengine.com/product/%61rk',
    ]) {
      await page.goto(url).catch(() => undefined);
      await expect(page, url).toHaveURL(new RegExp(`^chrome-extension://${extensionId}/blocked\\.html#`));
    }
    for (const url of [
      'https://www.baidu.com/',
      'https://chatgpt.com/',
      'https://www.volcengine.com/docs/',
    ]) {
      await page.goto(url);
      await expect(page.locator('h1'), url).toHaveText(standInText);
    }
  });

  test('blocks api.deepseek.com fetched from another site, and an iframe of chat.deepseek.com', async ({
    context,
  }) => {
    const page = await context.newPage();
    const failures: string[] = [];
    page.on('requestfailed', (r) => failures.push(`${r.url()} ${r.failure()?.errorText}`));
    await page.goto('https://example.org/');
    const fetched = await page.evaluate(() =>
      fetch('https://api.deepseek.com/v1/chat/completions', { method: 'POST', body: '{}' }).then(
        (r) => `status ${r.status}`,
        (e: Error) => `error ${e.message}`,
      ),
    );
    expect(fetched).toMatch(/^error/);
    expect(failures).toContain('https://api.deepseek.com/v1/chat/completions net::ERR_BLOCKED_BY_CLIENT');
    const control = await page.evaluate(() => fetch('https://example.org/data').then((r) => r.json()));
    expect(control).toEqual({ standIn: true });

    await page.evaluate(() => {
      const frame = document.createElement('iframe');
      frame.src = 'https://chat.deepseek.com/';
      document.body.append(frame);
    });
    const frame = page.frames()[1] ?? (await page.waitForEvent('frameattached'));
    await expect
      .poll(() => frame.url())
      .toMatch(new RegExp(`^chrome-extension://${extensionId}/blocked\\.html#`));
    await expect(frame.locator('body')).toContainText('Gatehouse blocked this content.');

    // Neither has a block page of its own to record it: the background logs both, the control host not.
    const log = await extensionPage(context);
    const blockedBelowPage = async () =>
      (
        (JSON.parse(await dumpExtensionIndexedDb(log)) as Record<string, LoggedBlock[]>)[
          'gatehouse-log/events'
        ] ?? []
      )
        .filter((e) => e.kind === 'blocked' && e.resourceType)
        .map((e) => [e.service, e.host, e.resourceType, e.count]);
    await expect.poll(blockedBelowPage, { timeout: 15_000 }).toEqual([
      ['deepseek', 'api.deepseek.com', 'xmlhttprequest', 1],
      ['deepseek', 'chat.deepseek.com', 'sub_frame', 1],
    ]);
    expect(JSON.stringify(await dumpExtensionIndexedDb(log))).not.toContain('example.org');
  });
});

interface LoggedBlock {
  kind: string;
  service: string | null;
  host: string | null;
  resourceType?: string;
  count?: number;
}

test('blocks a websocket to chat.deepseek.com while one to an ordinary host opens', async () => {
  const server = await startWebSocketServer();
  const port = (server.address() as AddressInfo).port;
  await acquireLockForTest();
  // Both names resolve to the local server, so only the extension can tell them apart.
  const context = await launchExtensionContext({
    args: ['--host-resolver-rules=MAP chat.deepseek.com 127.0.0.1, MAP ws.example.org 127.0.0.1'],
  }).catch((error: unknown) => {
    releaseLock();
    server.close();
    throw error;
  });
  try {
    await policyInForce(await extensionPage(context));
    const page = await context.newPage();
    await page.goto(`http://ws.example.org:${port}/`);
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
    await context.close();
    server.close();
    releaseLock();
  }
});
