// Managed policies at the edges, pushed the way an administrator does (a Chromium policy file): a policy the
// browser would have altered or refused, a 100,000-host policy, tabs already open when a policy starts to
// block, a site's service worker, audit mode.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { BrowserContext, Page } from '@playwright/test';
import { expect, test } from '@playwright/test';
import { launchExtensionContext, type LaunchOptions } from './fixtures';
import { dumpExtensionIndexedDb, openPopup } from './log-popup-page';
import { extensionPolicyFile, reloadPolicies, withManagedPolicy } from './managed-policy';
import { extensionId, extensionPage, policyInForce, standIn, standInText } from './stand-in';
import auditOnly from '../../policies/examples/audit-only.json' with { type: 'json' };
import warnCn from '../../policies/examples/warn-cn.json' with { type: 'json' };

const page = (name: string) => new RegExp(`^chrome-extension://${extensionId}/${name}\\.html#`);
const allowAll = { name: 'Allow all', version: '1', fallback: { action: 'allow' } };

interface Logged {
  kind: string;
  service: string | null;
  host: string | null;
  error?: string;
}

async function loggedEvents(ext: Page): Promise<Logged[]> {
  const dump = JSON.parse(await dumpExtensionIndexedDb(ext)) as Record<string, Logged[]>;
  return dump['gatehouse-log/events'] ?? [];
}

async function activePolicy(ext: Page): Promise<{ source: string; name: string; problems: string[] } | null> {
  return ext.evaluate(async () => {
    const { activePolicy } = (await chrome.storage.local.get('activePolicy')) as {
      activePolicy?: { source: string; policy: { name: string }; problems: string[] };
    };
    return activePolicy
      ? { source: activePolicy.source, name: activePolicy.policy.name, problems: activePolicy.problems }
      : null;
  });
}

/** Runs `fn` in a browser started while the managed policy file holds `bundle` (under the shared lock). */
async function withBrowser(
  name: string,
  bundle: unknown,
  fn: (context: BrowserContext, write: (next: unknown) => void) => Promise<void>,
  options: LaunchOptions = {},
): Promise<void> {
  await withManagedPolicy(`gatehouse-enforce13-${name}`, bundle, async (write) => {
    const context = await launchExtensionContext(options);
    try {
      await fn(context, write);
    } finally {
      await context.close();
    }
  });
}

test('a bundle the browser would have refused or altered is rejected by Gatehouse, which keeps the last valid one', async () => {
  test.setTimeout(180_000);
  await withBrowser('altered', extensionPolicyFile(warnCn), async (context, write) => {
    await standIn(context, /^https:\/\/([a-z0-9-]+\.)*(deepseek\.com|example\.org)\//);
    const ext = await extensionPage(context);
    await policyInForce(ext, warnCn.name, 'managed');
    const policies = await context.newPage();
    const tab = await context.newPage();
    const expectDeepSeekWarned = async () => {
      await tab.goto('https://chat.deepseek.com/').catch(() => undefined);
      // The warn-cn policy: the default would block DeepSeek.
      await expect(tab).toHaveURL(page('warn'));
    };

    // A value Chrome's schema refuses ("Block"): the whole object would have arrived as no policy at all.
    const [first, ...rest] = warnCn.rules;
    write(extensionPolicyFile({ ...warnCn, version: '2', rules: [{ ...first!, action: 'Block' }, ...rest] }));
    await reloadPolicies(policies);
    await expect
      .poll(() => activePolicy(ext).then((a) => a?.problems.join()), { timeout: 20_000 })
      .toMatch(/rules\[0\]\.action: expected one of allow\|warn\|block/);
    expect((await activePolicy(ext))?.source).toBe('last-valid');
    await expectDeepSeekWarned();

    // Misspelled keys: Chrome would have stripped them silently and applied the rest.
    write(
      extensionPolicyFile({
        ...warnCn,
        version: '3',
        fallbak: { action: 'allow' },
        rules: [{ ...first!, requireJustifcation: false }, ...rest],
      }),
    );
    await reloadPolicies(policies);
    await expect
      .poll(() => activePolicy(ext).then((a) => a?.problems.join()), { timeout: 20_000 })
      .toMatch(/unknown key "fallbak"/);
    expect((await activePolicy(ext))?.problems.join()).toMatch(/unknown key "requireJustifcation"/);
    expect((await activePolicy(ext))?.source).toBe('last-valid');
    await expectDeepSeekWarned();
    const errors = (await loggedEvents(ext)).filter((e) => e.kind === 'policy_error').map((e) => e.error);
    expect(errors.join('\n')).toMatch(/rules\[0\]\.action/);
    expect(errors.join('\n')).toMatch(/unknown key "fallbak"/);

    // Only a policy the administrator removes gives way to the default.
    write({});
    await reloadPolicies(policies);
    await expect.poll(() => activePolicy(ext).then((a) => a?.source), { timeout: 20_000 }).toBe('default');
    await tab.goto('https://chat.deepseek.com/').catch(() => undefined);
    await expect(tab).toHaveURL(page('blocked'));
  });
});

test('a 100,000-host managed policy present at browser start never leaves DeepSeek open', async () => {
  test.setTimeout(240_000);
  const hosts = Array.from({ length: 100_000 }, (_, i) => `host${i}.example${i % 13}.test`);
  const huge = {
    name: 'Huge host list',
    version: '1',
    rules: [
      { id: 'block-cn', match: { jurisdictions: ['CN'] }, action: 'block' },
      { id: 'block-hosts', match: { hosts }, action: 'block' },
    ],
  };
  await withBrowser('huge', extensionPolicyFile(huge), async (context) => {
    await standIn(context, /^https:\/\/([a-z0-9-]+\.)*(deepseek\.com|example\d+\.test)\//);
    const ext = await extensionPage(context);
    // Either it is installed, or it is refused with policy_error: never silence.
    await expect
      .poll(
        async () =>
          (await activePolicy(ext))?.name === huge.name ||
          (await loggedEvents(ext)).some((e) => e.kind === 'policy_error'),
        { timeout: 120_000 },
      )
      .toBe(true);
    const installed = (await activePolicy(ext))?.name === huge.name;
    const errors = (await loggedEvents(ext)).filter((e) => e.kind === 'policy_error').map((e) => e.error);
    console.log(`100,000 hosts: ${installed ? 'installed' : `refused: ${errors.join(' / ').slice(0, 300)}`}`);
    const tab = await context.newPage();
    await tab.goto('https://chat.deepseek.com/').catch(() => undefined);
    await expect(tab).toHaveURL(page('blocked'));
    if (installed) {
      // The list's last host (host99999.example3.test).
      await tab.goto(`https://${hosts[99_999]!}/`).catch(() => undefined);
      await expect(tab).toHaveURL(page('blocked'));
    }
  });
});

test('tabs already open on a service are sent to the block page when a policy starts to block it', async () => {
  test.setTimeout(120_000);
  await withBrowser('open-tabs', extensionPolicyFile(allowAll), async (context, write) => {
    await standIn(context, /^https:\/\/([a-z0-9-]+\.)*(deepseek\.com|chatgpt\.com)\//);
    const ext = await extensionPage(context);
    await policyInForce(ext, allowAll.name, 'managed');
    const deepseek = await context.newPage();
    await deepseek.goto('https://chat.deepseek.com/a/chat/s/1');
    await expect(deepseek.locator('h1')).toHaveText(standInText);
    const chatgpt = await context.newPage();
    await chatgpt.goto('https://chatgpt.com/');
    write(
      extensionPolicyFile({
        name: 'Block DeepSeek',
        version: '1',
        rules: [{ id: 'block-deepseek', match: { services: ['deepseek'] }, action: 'block' }],
      }),
    );
    await reloadPolicies(await context.newPage());
    await expect(deepseek).toHaveURL(page('blocked'), { timeout: 20_000 });
    await expect(deepseek.getByRole('heading', { level: 1 })).toHaveText('Blocked by your organisation');
    await expect(chatgpt).toHaveURL('https://chatgpt.com/');
  });
});

/** A site with a service worker that answers its navigations itself, served on loopback. */
function startServiceWorkerSite(): Promise<Server> {
  const server = createServer((request, response) => {
    if (request.url === '/sw.js') {
      response.writeHead(200, { 'content-type': 'text/javascript' });
      response.end(`
        self.addEventListener('install', () => self.skipWaiting());
        self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));
        self.addEventListener('fetch', (event) => {
          if (event.request.mode === 'navigate')
            event.respondWith(new Response('<!doctype html><h1>SERVED BY ITS WORKER</h1>',
              { headers: { 'content-type': 'text/html' } }));
        });`);
      return;
    }
    response.writeHead(200, { 'content-type': 'text/html' });
    response.end(`<!doctype html><h1>${standInText}</h1>
      <script>navigator.serviceWorker.register('/sw.js');</script>`);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

test("a navigation the site's own service worker answers still meets the warn page", async () => {
  test.setTimeout(120_000);
  const server = await startServiceWorkerSite();
  const origin = `http://chat.qwen.ai:${(server.address() as AddressInfo).port}`;
  try {
    await withBrowser(
      'service-worker',
      extensionPolicyFile(allowAll),
      async (context, write) => {
        const ext = await extensionPage(context);
        await policyInForce(ext, allowAll.name, 'managed');
        // While Qwen is allowed, its site installs a service worker that answers every navigation.
        const first = await context.newPage();
        await first.goto(`${origin}/`);
        await first.evaluate(async () => {
          await navigator.serviceWorker.ready;
          for (let i = 0; i < 50 && !navigator.serviceWorker.controller; i++)
            await new Promise((resolve) => setTimeout(resolve, 100));
        });
        await first.goto(`${origin}/check`);
        await expect(first.locator('h1')).toHaveText('SERVED BY ITS WORKER');
        await first.close();

        write(
          extensionPolicyFile({
            name: 'Warn on Qwen',
            version: '1',
            rules: [{ id: 'warn-qwen', match: { services: ['qwen-chat-intl'] }, action: 'warn' }],
          }),
        );
        await reloadPolicies(await context.newPage());
        await policyInForce(ext, 'Warn on Qwen', 'managed');
        const tab = await context.newPage();
        await tab.goto(`${origin}/c/new`).catch(() => undefined);
        await expect(tab).toHaveURL(page('warn'), { timeout: 15_000 });
        await expect(tab.getByRole('heading', { level: 1 })).toHaveText('Check before you continue');
        // Continue lets this tab in; the worker's page is what it then sees.
        await tab.getByRole('button', { name: 'Continue' }).click();
        await expect(tab.locator('h1')).toHaveText('SERVED BY ITS WORKER');
        await expect
          .poll(async () => (await loggedEvents(ext)).filter((e) => e.kind === 'warned').length)
          .toBe(1);
      },
      {
        args: [
          `--host-resolver-rules=MAP chat.qwen.ai 127.0.0.1`,
          // A service worker needs a secure origin; loopback under a real service's name is made one.
          `--unsafely-treat-insecure-origin-as-secure=${origin}`,
        ],
      },
    );
  } finally {
    server.close();
  }
});

test('audit mode records what enforcement would have done, once per tab and visit, and the popup shows it', async () => {
  test.setTimeout(120_000);
  await withBrowser('audit', extensionPolicyFile(auditOnly), async (context) => {
    await standIn(context, /^https:\/\/([a-z0-9-]+\.)*(deepseek\.com|qwen\.ai|chatgpt\.com)\//);
    const ext = await extensionPage(context);
    await policyInForce(ext, auditOnly.name, 'managed');
    const tab = await context.newPage();
    for (const url of [
      'https://chat.deepseek.com/',
      'https://chat.deepseek.com/a/chat/s/1',
      'https://chat.qwen.ai/',
      'https://chatgpt.com/',
    ]) {
      await tab.goto(url);
      await expect(tab.locator('h1')).toHaveText(standInText); // audit never stops a page
    }
    await expect
      .poll(async () =>
        (await loggedEvents(ext))
          .filter((e) => e.kind.startsWith('would_') || e.kind === 'visited_allowed')
          .map((e) => [e.kind, e.service]),
      )
      .toEqual([
        ['would_block', 'deepseek'],
        ['would_warn', 'qwen-chat-intl'],
      ]);
    const popup = await openPopup(context, extensionId);
    await expect(popup.locator('.event-row[data-kind="would_block"]')).toContainText('chat.deepseek.com');
    await expect(popup.locator('.event-row[data-kind="would_warn"]')).toContainText('chat.qwen.ai');
  });
});
