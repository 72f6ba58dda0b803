// The event log fed by the real code paths: a block, a Continue with a reason and a redacted paste are
// recorded, listed in the popup and exported, and no pasted value reaches IndexedDB.
import { readFileSync } from 'node:fs';
import { grantClipboard, openEditor, pasteWithKeyboard, serveEditorPages, editorText } from './editor-pages';
import { expect, launchExtensionContext, test } from './fixtures';
import { dumpExtensionIndexedDb, eventRows, openPopup } from './log-popup-page';
import { extensionPolicyFile, reloadPolicies, withManagedPolicy } from './managed-policy';
import { extensionId, extensionPage, policyInForce, standIn, standInText } from './stand-in';
import warnCn from '../../policies/examples/warn-cn.json' with { type: 'json' };

const interstitial = (name: string) => new RegExp(`^chrome-extension://${extensionId}/${name}\\.html#`);
const email = 'jane.doe.flowtest@example.com';
const localPart = 'jane.doe.flowtest';
const iban = 'DE89370400440532013000';
const justification = 'Flow test: comparing vendors, ticket 77';

interface ExportedEvent {
  kind: string;
  service: string | null;
  host: string | null;
  rule: string | null;
  justification?: string;
  counts?: Record<string, number>;
}

test('block, Continue with a reason and a redacted paste are logged, listed, exported, never leaked', async () => {
  test.setTimeout(120_000);
  // An empty policy file holds the machine-wide lock while the default policy is in force; the warn
  // policy replaces it mid-run.
  await withManagedPolicy('gatehouse-log-flow-e2e', {}, async (write) => {
    const context = await launchExtensionContext();
    try {
      await standIn(context, /^https:\/\/([a-z0-9-]+\.)*deepseek\.com\//);
      await serveEditorPages(context);
      await grantClipboard(context);
      const ext = await extensionPage(context);
      await policyInForce(ext, undefined, 'default');

      // 1. Default policy: DeepSeek is blocked.
      const blockedTab = await context.newPage();
      await blockedTab.goto('https://chat.deepseek.com/').catch(() => undefined);
      await expect(blockedTab).toHaveURL(interstitial('blocked'));
      await expect(blockedTab.locator('.details')).toContainText('China');

      // 3. A paste of personal data into ChatGPT (allowed) is redacted.
      const chat = await context.newPage();
      await openEditor(chat, 'prosemirror');
      await pasteWithKeyboard(chat, `Mail ${email}, pay to ${iban} please`);
      await expect.poll(() => editorText(chat, 'prosemirror')).toBe('Mail [EMAIL_1], pay to [IBAN_1] please');

      // 2. The warn policy: Continue on DeepSeek needs a reason, given and clicked for real.
      write(extensionPolicyFile(warnCn));
      await reloadPolicies(await context.newPage());
      await policyInForce(ext, warnCn.name, 'managed');
      const warnTab = await context.newPage();
      await warnTab.goto('https://chat.deepseek.com/').catch(() => undefined);
      await expect(warnTab).toHaveURL(interstitial('warn'));
      await warnTab.getByLabel('Why do you need this service? (required)').fill(justification);
      await warnTab.getByRole('button', { name: 'Continue' }).click();
      await expect(warnTab).toHaveURL('https://chat.deepseek.com/');
      await expect(warnTab.locator('h1')).toHaveText(standInText);

      // 4. The popup lists all three; the JSON export holds them; IndexedDB holds no pasted value.
      const popup = await openPopup(context, extensionId);
      await expect(popup.locator('.event-row[data-kind="blocked"]')).toHaveCount(1);
      await expect(popup.locator('.event-row[data-kind="blocked"]')).toContainText('chat.deepseek.com');
      await expect(popup.locator('.event-row[data-kind="continued"]')).toHaveCount(1);
      await expect(popup.locator('.event-row[data-kind="continued"]')).toContainText(justification);
      await expect(popup.locator('.event-row[data-kind="redacted"]')).toHaveCount(1);
      await expect(popup.locator('.event-row[data-kind="redacted"]')).toContainText('EMAIL × 1, IBAN × 1');
      await expect(eventRows(popup).first()).toBeVisible();

      const download = popup.waitForEvent('download');
      await popup.getByRole('button', { name: 'Export JSON' }).click();
      const exportedText = readFileSync((await (await download).path())!, 'utf8');
      const exported = JSON.parse(exportedText) as ExportedEvent[];
      const pick = (kind: string) => exported.filter((e) => e.kind === kind);
      expect(pick('blocked')).toEqual([
        expect.objectContaining({
          service: 'deepseek',
          host: 'chat.deepseek.com',
          rule: 'block-cn-jurisdiction',
        }),
      ]);
      expect(pick('continued')).toEqual([
        expect.objectContaining({
          service: 'deepseek',
          host: 'chat.deepseek.com',
          rule: 'warn-cn-jurisdiction',
          justification,
        }),
      ]);
      expect(pick('redacted')).toEqual([
        expect.objectContaining({
          service: 'openai-chatgpt',
          host: 'chatgpt.com',
          counts: { EMAIL: 1, IBAN: 1 },
        }),
      ]);

      const dump = await dumpExtensionIndexedDb(popup);
      expect(dump).toContain('gatehouse-log/events');
      expect(dump).toContain(justification);
      for (const secret of [email, localPart, iban, 'DE89', '0532013000']) {
        expect(dump).not.toContain(secret);
        expect(exportedText).not.toContain(secret);
      }
    } finally {
      await context.close();
    }
  });
});
