// The popup's Policy tab: what the policy in force does to every service, the deciding rule and why,
// filtered by action and searched, by keyboard.
import { putAdminPolicyInForce } from './admin-policy';
import { expect, test } from './locked-test';
import { openPopup } from './log-popup-page';
import { extensionPage, policyInForce } from './stand-in';

test('the policy view lists every service with its decision, rule and why; filter and search', async ({
  context,
  extensionId,
}) => {
  const ext = await extensionPage(context);
  await policyInForce(ext);
  await putAdminPolicyInForce(ext);
  const page = await openPopup(context, extensionId);

  // The tabs work like tabs: arrow keys move between them.
  const logTab = page.getByRole('tab', { name: 'Log' });
  await expect(logTab).toHaveAttribute('aria-selected', 'true');
  await logTab.focus();
  await page.keyboard.press('ArrowRight');
  const policyTab = page.getByRole('tab', { name: 'Policy' });
  await expect(policyTab).toBeFocused();
  await expect(policyTab).toHaveAttribute('aria-selected', 'true');

  const table = page.locator('.policy-table');
  const rows = table.locator('tbody tr');
  await expect(table.locator('caption')).toHaveText(/^168 of 168 services$/);
  const deepseek = rows.filter({ has: page.locator('th', { hasText: /^DeepSeek$/ }) });
  await expect(deepseek).toHaveAttribute('data-action', 'block');
  await expect(deepseek.locator('td').nth(0)).toHaveText('Blocked');
  await expect(deepseek.locator('td').nth(1)).toHaveText('block-cn-jurisdiction');
  await expect(deepseek.locator('td').nth(2)).toHaveText('data processed in China');
  await expect(deepseek.locator('th')).toHaveAttribute(
    'title',
    'DeepSeek (chat, app, API platform) · deepseek',
  );
  // The organisation's own service is in the view, marked as added.
  const own = rows.filter({ hasText: 'Acme internal assistant' });
  await expect(own.locator('th')).toContainText('added by the policy');
  await expect(own.locator('td').nth(0)).toHaveText('Allowed');
  await expect(own.locator('td').nth(1)).toHaveText('fallback (no rule matched)');
  await expect(own.locator('td').nth(2)).toHaveText('no rule applies (data processed in Germany)');
  // Blocked services first.
  await expect(rows.first()).toHaveAttribute('data-action', 'block');

  // Filter by action, by keyboard: the radio group moves with the arrow keys.
  await page.getByRole('radio', { name: /^All \(/ }).focus();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('radio', { name: /^Blocked/ })).toBeChecked();
  const blockedCount = Number(
    (await page.locator('.action-choice.action-block .count').textContent())!.slice(1, -1),
  );
  await expect(rows).toHaveCount(blockedCount);
  expect(new Set(await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-action'))))).toEqual(
    new Set(['block']),
  );
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('radio', { name: /^Warned/ })).toBeChecked();
  await expect(rows.first()).toHaveAttribute('data-action', 'warn');
  await expect(rows.first().locator('td').nth(2)).toHaveText('where it processes data is not known');

  // Search by address, whatever the action filter.
  await page.getByRole('radio', { name: /^All \(/ }).check();
  await page.getByLabel('Search services').fill('chat.qwen.ai');
  await expect(rows).toHaveCount(1);
  await expect(rows.first().locator('th')).toHaveText('Qwen Chat');
  await expect(table.locator('caption')).toHaveText('1 of 168 services');
});
