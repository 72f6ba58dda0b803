// Request access on the block and warn pages: the link the policy names, filled in for the service and
// host; the click logged once, with what the background showed (never what the page claims).
import { adminPolicy, putAdminPolicyInForce, requestForm } from './admin-policy';
import { expect, test } from './locked-test';
import { dumpExtensionIndexedDb } from './log-popup-page';
import { extensionId, extensionPage, policyInForce, standIn } from './stand-in';

interface StoredEvent {
  kind: string;
  service: string | null;
  host: string | null;
  rule: string | null;
  page?: string;
}

async function storedEvents(page: import('@playwright/test').Page): Promise<StoredEvent[]> {
  return (JSON.parse(await dumpExtensionIndexedDb(page)) as Record<string, StoredEvent[]>)[
    'gatehouse-log/events'
  ]!;
}

test.beforeEach(async ({ context }) => {
  await standIn(context, /^https:\/\/([a-z0-9-]+\.)*(qwen\.ai|deepseek\.com|chatgpt\.com|example\.org)\//);
  const ext = await extensionPage(context);
  await policyInForce(ext);
  await putAdminPolicyInForce(ext);
});

test('the block page offers the alternatives, a filled request link and who to ask; a click is logged once', async ({
  context,
}) => {
  const page = await context.newPage();
  await page.goto('https://chat.deepseek.com/a/chat/s/secret').catch(() => undefined);
  await expect(page).toHaveURL(new RegExp(`^chrome-extension://${extensionId}/blocked\\.html#`));

  // Approved alternatives are links to the services.
  await expect(page.getByRole('link', { name: 'ChatGPT' })).toHaveAttribute('href', 'https://chatgpt.com/');
  await expect(page.getByRole('link', { name: 'Microsoft Copilot' })).toHaveAttribute('href', /^https:\/\//);
  // The request link names this service, host and rule, encoded; who to ask is on the page.
  const request = page.getByRole('link', { name: /^Request access/ });
  await expect(request).toHaveAttribute(
    'href',
    `${requestForm}?service=deepseek&host=chat.deepseek.com&rule=block-cn-jurisdiction`,
  );
  await expect(request).toHaveAttribute('target', '_blank');
  await expect(page.locator('.contact')).toHaveText(`Who to ask: ${adminPolicy.requestAccess.contact}`);

  // A script's click is not the person's request: nothing is logged.
  await request.evaluate((a: HTMLAnchorElement) => {
    a.removeAttribute('href'); // keep the page: only the click handler matters here
    a.click();
  });
  await page.waitForTimeout(500);
  expect((await storedEvents(page)).filter((e) => e.kind === 'access_requested')).toEqual([]);
  await page.reload();

  // The person's click, by keyboard: the form opens in a new tab and the request is logged once.
  await page.getByRole('link', { name: /^Request access/ }).focus();
  const form = context.waitForEvent('page');
  await page.keyboard.press('Enter');
  await expect(await form).toHaveURL(/^https:\/\/it\.example\.org\/ai-access\?service=deepseek/);
  await page.bringToFront();
  await page.getByRole('link', { name: /^Request access/ }).click({ modifiers: ['Control'] });
  await expect
    .poll(async () => (await storedEvents(page)).filter((e) => e.kind === 'access_requested'))
    .toEqual([
      expect.objectContaining({
        kind: 'access_requested',
        page: 'blocked',
        service: 'deepseek',
        host: 'chat.deepseek.com',
        rule: 'block-cn-jurisdiction',
      }),
    ]);
});

test('the warn page offers the request link too, and the popup counts the request', async ({ context }) => {
  const page = await context.newPage();
  await page.goto('https://chat.qwen.ai/c/new').catch(() => undefined);
  await expect(page).toHaveURL(new RegExp(`^chrome-extension://${extensionId}/warn\\.html#`));
  const request = page.getByRole('link', { name: /^Request access/ });
  await expect(request).toHaveAttribute(
    'href',
    `${requestForm}?service=qwen-chat-intl&host=chat.qwen.ai&rule=warn-unknown-jurisdiction`,
  );
  // Go back keeps the focus it had: the new link does not come between Go back and Continue.
  await expect(page.getByRole('button', { name: 'Go back' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Continue' })).toBeFocused();
  const form = context.waitForEvent('page');
  await request.click();
  await form;
  await expect
    .poll(async () => (await storedEvents(page)).filter((e) => e.kind === 'access_requested'))
    .toEqual([expect.objectContaining({ page: 'warn', service: 'qwen-chat-intl', host: 'chat.qwen.ai' })]);

  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/popup.html`);
  await expect(
    popup.getByRole('group', { name: 'By event' }).getByRole('button', { name: 'Access requested 1' }),
  ).toBeVisible();
});
