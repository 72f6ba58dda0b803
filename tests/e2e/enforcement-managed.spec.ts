// Managed policy pushed the way an administrator does: a Chromium policy file, picked up while running.
import type { Page } from '@playwright/test';
import { launchExtensionContext } from './fixtures';
import { expect, test } from './locked-test';
import { extensionPolicyFile, reloadPolicies, withManagedPolicy } from './managed-policy';
import { extensionId, extensionPage, policyInForce, standIn, standInText } from './stand-in';
import warnCn from '../../policies/examples/warn-cn.json' with { type: 'json' };

const page = (name: string) => new RegExp(`^chrome-extension://${extensionId}/${name}\\.html#`);

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

/**
 * chrome://policy as text (its tables live in shadow roots), from the extension's section on:
 * "… | policy | <value> | Platform | Machine | Mandatory | OK | …", or a status naming the schema error.
 */
async function extensionPolicyStatus(policies: Page): Promise<string> {
  const text = await policies.evaluate(`(() => {
    const out = [];
    const walk = (node) => {
      if (node.nodeType === 3 && node.textContent.trim()) out.push(node.textContent.trim());
      if (node.shadowRoot) walk(node.shadowRoot);
      node.childNodes.forEach(walk);
    };
    walk(document.body);
    return out.join(' | ');
  })()`);
  return String(text).slice(String(text).indexOf(extensionId));
}

test('a managed policy switches DeepSeek to warn; an invalid one keeps it; a change applies while running', async () => {
  test.setTimeout(120_000);
  await withManagedPolicy('gatehouse-enforce-e2e', extensionPolicyFile(warnCn), async (write) => {
    const context = await launchExtensionContext();
    try {
      await standIn(context, /^https:\/\/([a-z0-9-]+\.)*(deepseek\.com|moonshot\.cn)\//);
      const ext = await extensionPage(context);
      await policyInForce(ext, warnCn.name, 'managed');

      // chrome://policy lists the extension's policy (the bundle as JSON text), and Chrome's schema check
      // finds nothing wrong.
      const policies = await context.newPage();
      await reloadPolicies(policies);
      await expect
        .poll(() => extensionPolicyStatus(policies), { timeout: 15_000 })
        .toMatch(
          /\| policyJson \| \{"name":"Warn on China-processed AI services".* \| Platform \| Machine \| Mandatory \| OK \|/,
        );

      // warn: Continue needs the justification the rule requires, then reaches the site.
      const tab = await context.newPage();
      await tab.goto('https://chat.deepseek.com/').catch(() => undefined);
      await expect(tab).toHaveURL(page('warn'));
      await tab.getByRole('button', { name: 'Continue' }).click();
      await expect(tab.getByRole('alert')).toHaveText('Please write a reason before you continue.');
      await tab
        .getByLabel('Why do you need this service? (required)')
        .fill('comparing vendors for procurement');
      await tab.getByRole('button', { name: 'Continue' }).click();
      await expect(tab).toHaveURL('https://chat.deepseek.com/');
      await expect(tab.locator('h1')).toHaveText(standInText);

      // An invalid managed policy: the warn policy stays in force and the problem is on record.
      write(extensionPolicyFile({ ...warnCn, version: '2', alternatives: ['no-such-service'] }));
      await reloadPolicies(policies);
      await expect.poll(() => activePolicy(ext).then((a) => a?.source)).toBe('last-valid');
      expect((await activePolicy(ext))?.problems.join()).toMatch(/alternatives\[0\]: no catalog service/);
      const other = await context.newPage();
      await other.goto('https://kimi.moonshot.cn/').catch(() => undefined);
      await expect(other).toHaveURL(page('warn'));

      // A valid change takes effect without a restart, and earlier Continue grants end with it.
      write(
        extensionPolicyFile({
          name: 'Block DeepSeek',
          version: '3',
          rules: [{ id: 'block-deepseek', match: { services: ['deepseek'] }, action: 'block' }],
        }),
      );
      await reloadPolicies(policies);
      await policyInForce(ext, 'Block DeepSeek', 'managed');
      await tab.goto('https://chat.deepseek.com/').catch(() => undefined);
      await expect(tab).toHaveURL(page('blocked'));
      await other.goto('https://kimi.moonshot.cn/');
      await expect(other.locator('h1')).toHaveText(standInText);
    } finally {
      await context.close();
    }
  });
});
