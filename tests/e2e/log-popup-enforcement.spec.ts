// The log as enforcement fills it: a managed policy blocks one service and warns on another with a required
// justification; the popup then shows the block, the warning, the Continue and the policy, and exports them.
import { readFileSync } from 'node:fs';
import { launchExtensionContext } from './fixtures';
import { expect, test } from './locked-test';
import { eventRows, openPopup } from './log-popup-page';
import { extensionPolicyFile, withManagedPolicy } from './managed-policy';
import { extensionId, extensionPage, policyInForce, standIn } from './stand-in';

const policy = {
  name: 'Gatehouse log e2e',
  version: '3',
  rules: [
    { id: 'block-kimi', match: { services: ['kimi'] }, action: 'block' },
    { id: 'warn-deepseek', match: { services: ['deepseek'] }, action: 'warn', requireJustification: true },
  ],
};
const interstitial = (name: string) => new RegExp(`^chrome-extension://${extensionId}/${name}\\.html#`);

test('a block and a justified Continue under a managed policy appear in the popup and its export', async () => {
  test.setTimeout(120_000);
  await withManagedPolicy('gatehouse-log-popup-e2e', extensionPolicyFile(policy), async () => {
    const context = await launchExtensionContext();
    try {
      await standIn(context, /^https:\/\/([a-z0-9-]+\.)*(deepseek\.com|moonshot\.cn)\//);
      await policyInForce(await extensionPage(context), policy.name, 'managed');

      const tab = await context.newPage();
      await tab.goto('https://kimi.moonshot.cn/chat?q=secret-project').catch(() => undefined);
      await expect(tab).toHaveURL(interstitial('blocked'));
      await tab.goto('https://chat.deepseek.com/').catch(() => undefined);
      await expect(tab).toHaveURL(interstitial('warn'));
      await tab
        .getByLabel('Why do you need this service? (required)')
        .fill('comparing vendors for procurement');
      await tab.getByRole('button', { name: 'Continue' }).click();
      await expect(tab).toHaveURL('https://chat.deepseek.com/');

      const popup = await openPopup(context, extensionId);
      await expect(popup.locator('.policy-name')).toHaveText(policy.name);
      await expect(popup.locator('.policy-source')).toHaveAttribute('data-source', 'managed');
      await expect(popup.locator('.event-row[data-kind="blocked"]')).toContainText('kimi.moonshot.cn');
      await expect(popup.locator('.event-row[data-kind="blocked"]')).toContainText('block-kimi');
      await expect(popup.locator('.event-row[data-kind="warned"]')).toContainText('warn-deepseek');
      await expect(popup.locator('.event-row[data-kind="continued"]')).toContainText(
        'comparing vendors for procurement',
      );
      await expect(popup.locator('.event-row[data-kind="policy_applied"]').first()).toContainText(
        policy.name,
      );

      await popup.getByLabel('Event', { exact: true }).selectOption('blocked');
      await expect(eventRows(popup)).toHaveCount(1);
      await popup.getByLabel('Event', { exact: true }).selectOption('');
      const download = popup.waitForEvent('download');
      await popup.getByRole('button', { name: 'Export JSON' }).click();
      const exported = JSON.parse(readFileSync((await (await download).path())!, 'utf8')) as {
        kind: string;
        host: string | null;
        justification?: string;
      }[];
      expect(exported.filter((e) => e.kind === 'blocked').map((e) => e.host)).toEqual(['kimi.moonshot.cn']);
      expect(exported.find((e) => e.kind === 'continued')?.justification).toBe(
        'comparing vendors for procurement',
      );
      // The policy does not allow full URLs: the query never reached the log.
      expect(JSON.stringify(exported)).not.toContain('secret-project');
    } finally {
      await context.close();
    }
  });
});
