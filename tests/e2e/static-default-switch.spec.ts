// The built-in default's static ruleset follows the policy in force: off once a managed policy's dynamic
// rules are in, on again when the admin removes it, and left on when the managed policy fails.
import { expect, test, type Page } from '@playwright/test';
import { launchExtensionContext } from './fixtures';
import { extensionPolicyFile, reloadPolicies, withManagedPolicy } from './managed-policy';
import { extensionId, extensionPage, policyInForce, standIn } from './stand-in';
import warnCn from '../../policies/examples/warn-cn.json' with { type: 'json' };

const enabledRulesets = (ext: Page) => ext.evaluate(() => chrome.declarativeNetRequest.getEnabledRulesets());
const interstitial = (name: string) =>
  new RegExp(`^chrome-extension://${extensionId}/${name}\\.html#https://chat\\.deepseek\\.com/$`);

test('the static default stays on for a failing managed policy, goes off for a valid one, comes back when it is removed', async () => {
  test.setTimeout(180_000);
  const [first, ...rest] = warnCn.rules;
  const refused = { ...warnCn, rules: [{ ...first!, action: 'Block' }, ...rest] };
  await withManagedPolicy(
    'gatehouse-enforce13-static-switch',
    extensionPolicyFile(refused),
    async (write) => {
      const context = await launchExtensionContext();
      try {
        await standIn(context, /^https:\/\/chat\.deepseek\.com\//);
        const ext = await extensionPage(context);
        const tab = await context.newPage();
        const deepseekEndsOn = async (name: string) => {
          await tab.goto('https://chat.deepseek.com/').catch(() => undefined);
          await expect(tab).toHaveURL(interstitial(name));
        };

        // A fresh profile whose managed bundle Gatehouse refuses: the default is in force, static rules on.
        await policyInForce(ext, 'Gatehouse default', 'default');
        expect(await enabledRulesets(ext)).toEqual(['default_policy']);
        await deepseekEndsOn('blocked');

        // A valid managed policy: its rules in, the static default off (it would block DeepSeek).
        write(extensionPolicyFile(warnCn));
        await reloadPolicies(await context.newPage());
        await policyInForce(ext, warnCn.name, 'managed');
        await expect.poll(() => enabledRulesets(ext), { timeout: 10_000 }).toEqual([]);
        await deepseekEndsOn('warn');

        // The admin removes it: the static default comes back with the built-in default.
        write({});
        await reloadPolicies(await context.newPage());
        await policyInForce(ext, 'Gatehouse default', 'default');
        await expect.poll(() => enabledRulesets(ext), { timeout: 10_000 }).toEqual(['default_policy']);
        await deepseekEndsOn('blocked');
      } finally {
        await context.close();
      }
    },
  );
});
