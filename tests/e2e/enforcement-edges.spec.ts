// The edges a security team tries first, on the built-in default policy: a warned service used from below the
// page, forged interstitial events, and a flood of blocked requests meant to push the user's own events out.
import type { BrowserContext, Page } from '@playwright/test';
import { launchExtensionContext } from './fixtures';
import { expect, test } from './locked-test';
import { acquireLockForTest, releaseLock } from './managed-policy';
import { dumpExtensionIndexedDb } from './log-popup-page';
import { extensionId, extensionPage, policyInForce, standIn, standInText } from './stand-in';

const page = (name: string) => new RegExp(`^chrome-extension://${extensionId}/${name}\\.html#`);

interface Logged {
  kind: string;
  service: string | null;
  host: string | null;
  resourceType?: string;
  count?: number;
  phase?: string;
  suppressed?: number;
}

async function loggedEvents(ext: Page): Promise<Logged[]> {
  const dump = JSON.parse(await dumpExtensionIndexedDb(ext)) as Record<string, Logged[]>;
  return dump['gatehouse-log/events'] ?? [];
}

const postFrom = (tab: Page, url: string) =>
  tab.evaluate(
    (url) =>
      fetch(url, { method: 'POST', body: '{}' }).then(
        (r) => r.json() as Promise<unknown>,
        (e: Error) => `error ${e.message}`,
      ),
    url,
  );

test('a warned service is blocked below the page (fetch, iframe) and logged; a grant covers its requests in that tab', async ({
  context,
}) => {
  // Under the default policy Qwen Chat (international) warns: its data location is unknown.
  await standIn(context, /^https:\/\/([a-z0-9-]+\.)*(qwen\.ai|example\.org)\//);
  const ext = await extensionPage(context);
  await policyInForce(ext);
  const other = await context.newPage();
  const failures: string[] = [];
  other.on('requestfailed', (r) => failures.push(`${r.url()} ${r.failure()?.errorText}`));
  await other.goto('https://example.org/');
  expect(await postFrom(other, 'https://chat.qwen.ai/api/v2/chat')).toMatch(/^error/);
  expect(failures).toContain('https://chat.qwen.ai/api/v2/chat net::ERR_BLOCKED_BY_CLIENT');
  await other.evaluate(() => {
    const frame = document.createElement('iframe');
    frame.src = 'https://chat.qwen.ai/';
    document.body.append(frame);
  });
  const frame = other.frames()[1] ?? (await other.waitForEvent('frameattached'));
  await expect.poll(() => frame.url()).toMatch(page('blocked'));
  await expect
    .poll(async () =>
      (await loggedEvents(ext))
        .filter((e) => e.kind === 'blocked' && e.resourceType)
        .map((e) => [e.service, e.host, e.resourceType]),
    )
    .toEqual([
      ['qwen-chat-intl', 'chat.qwen.ai', 'xmlhttprequest'],
      ['qwen-chat-intl', 'chat.qwen.ai', 'sub_frame'],
    ]);

  // Continue in one tab: the service works there, fetches included; the other tab is still blocked.
  const granted = await context.newPage();
  await granted.goto('https://chat.qwen.ai/c/new').catch(() => undefined);
  await expect(granted).toHaveURL(page('warn'));
  await granted.getByRole('button', { name: 'Continue' }).click();
  await expect(granted.locator('h1')).toHaveText(standInText);
  expect(await postFrom(granted, 'https://chat.qwen.ai/api/v2/chat')).toEqual({ standIn: true });
  expect(await postFrom(other, 'https://chat.qwen.ai/api/v2/chat')).toMatch(/^error/);
});

/** A context of our own: popups allowed, the attacker's best case. Under the lock, like the fixture's. */
async function withPopupsAllowed(run: (context: BrowserContext) => Promise<void>): Promise<void> {
  await acquireLockForTest();
  try {
    const context = await launchExtensionContext({ args: ['--disable-popup-blocking'] });
    try {
      await run(context);
    } finally {
      await context.close();
    }
  } finally {
    releaseLock();
  }
}

test.describe('the log records only what the extension decided', () => {
  // These launch their own browser (fixtures are lazy: the fixture's is never started).
  test('one click on a hostile page opening 16 block and warn pages records none of them', async () => {
    await withPopupsAllowed(async (context) => {
      await standIn(
        context,
        /^https:\/\/([a-z0-9-]+\.)*(example\.org|deepseek\.com)\//,
        `<button id="forge">Win a prize</button><script>
          document.getElementById('forge').onclick = () => {
            for (let i = 0; i < 16; i++) {
              const page = i % 2 ? 'warn' : 'blocked';
              const url = i % 2 ? 'https://chat.qwen.ai/?forged=' + i : 'https://chat.deepseek.com/?forged=' + i;
              window.open('chrome-extension://${extensionId}/' + page + '.html#' + url);
            }
          };
        </script>`,
      );
      const ext = await extensionPage(context);
      await policyInForce(ext);
      const hostile = await context.newPage();
      await hostile.goto('https://example.org/prize');
      const opened: Page[] = [];
      context.on('page', (p) => opened.push(p));
      await hostile.locator('#forge').click();
      await expect.poll(() => opened.length, { timeout: 20_000 }).toBe(16);
      context.removeAllListeners('page');
      // Every forged page loaded and asked the background for its details.
      for (const forged of opened)
        await expect(forged.getByRole('heading', { level: 1 })).toHaveText(
          /Blocked by your organisation|Check before you continue/,
        );
      // A real block in another tab is recorded: the log works, it only refuses forgeries.
      const real = await context.newPage();
      await real.goto('https://chat.deepseek.com/').catch(() => undefined);
      await expect(real).toHaveURL(page('blocked'));
      await expect
        .poll(async () => (await loggedEvents(ext)).filter((e) => e.kind === 'blocked').length)
        .toBe(1);
      const recorded = (await loggedEvents(ext)).filter((e) => e.kind === 'blocked' || e.kind === 'warned');
      console.log(
        `forged interstitials opened: ${opened.length}; events recorded for them: ${recorded.length - 1}`,
      );
      expect(recorded.map((e) => [e.kind, e.host])).toEqual([['blocked', 'chat.deepseek.com']]);
    });
  });

  test('a page flooding blocked requests to 55 services writes at most 30 events a minute, and says so', async () => {
    await withPopupsAllowed(async (context) => {
      await standIn(context, /^https:\/\/example\.org\//);
      const ext = await extensionPage(context);
      await policyInForce(ext);
      const flooding = await context.newPage();
      await flooding.goto('https://example.org/flood');
      const hosts = [
        'deepseek.com',
        'kimi.com',
        'moonshot.ai',
        'tongyi.com',
        'qwen.ai',
        'modelscope.cn',
        'doubao.com',
        'coze.cn',
        'trae.cn',
        'chatglm.cn',
        'codegeex.cn',
        'codebuddy.cn',
        'hailuoai.com',
        'hailuoai.video',
        'talkie-ai.com',
        'xfyun.cn',
        'wanzhi.com',
        '01.ai',
        'baichuan-ai.com',
        'stepfun.com',
        'sensenova.cn',
        'metaso.cn',
        'n.cn',
        'tiangong.cn',
        'kechuangai.com',
        'klingai.com',
        'xiaomimimo.com',
        'longcat.chat',
        'tbox.cn',
        'antafu.com',
        'askdiandian.com',
        'siliconflow.cn',
        'siliconflow.com',
        'ppinfra.com',
        'qnaigc.com',
        'liblib.art',
        'dola.com',
        'coze.com',
        'trae.ai',
        'manus.im',
        'monica.im',
        'skywork.ai',
        'pixverse.ai',
        'maoxiangai.com',
        'cueme.cn',
        'dumate.cn',
        'rwkv.cn',
        'aispeech.com',
        'qoder.com',
        'ideogram.ai',
        'dify.ai',
        'flowith.io',
        'thinkany.ai',
        'devv.ai',
        'sider.ai',
      ];
      const sent = await flooding.evaluate(async (hosts) => {
        let requests = 0;
        const until = Date.now() + 9000;
        while (Date.now() < until) {
          for (const host of hosts) {
            void fetch(`https://api.${host}/v1/x?${requests}`).catch(() => undefined);
            const image = new Image();
            image.src = `https://static.${host}/pixel.gif?${requests}`;
            requests += 2;
          }
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
        return requests;
      }, hosts);
      // Let the coalescer's windows close, then read what was written.
      await flooding.waitForTimeout(3000);
      const events = await loggedEvents(ext);
      const blocked = events.filter((e) => e.kind === 'blocked' && e.resourceType);
      const floods = events.filter((e) => e.kind === 'log_flood');
      console.log(
        `flood: ${sent} blocked requests in 9 s; ${blocked.length} blocked-request events and ${floods.length} flood marker(s) written`,
      );
      expect(blocked.length).toBeLessThanOrEqual(30);
      expect(floods.map((e) => e.phase)).toEqual(['started']);
    });
  });
});
