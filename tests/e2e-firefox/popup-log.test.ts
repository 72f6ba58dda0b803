// The event log fed by the real code paths in Firefox (tests/e2e/log-real-flow.spec.ts in Chromium): a
// block, a Continue and a redacted paste are listed in the popup, exported, and no pasted value is stored.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { waitForPasteGuardScript } from '../e2e/editor-pages';
import { readAllIndexedDb } from '../e2e/log-popup-page';
import { standInText } from '../e2e/stand-in';
import { editorText, openEditor, pasteWithKeyboard } from './editors';
import {
  extensionOrigin,
  launchFirefox,
  navigate,
  policyInForce,
  temporaryDir,
  waitForUrl,
  type Firefox,
} from './firefox';
import { clickButton, countOf, textOf, until } from './page-text';
import { serve } from './serve';

const email = 'jane.doe.flowtest@example.com';
const localPart = 'jane.doe.flowtest';
const iban = 'DE89370400440532013000';
const standIns = /^https:\/\/([a-z0-9-]+\.)*(deepseek\.com|qwen\.ai)\//;

interface ExportedEvent {
  kind: string;
  service: string | null;
  host: string | null;
  rule: string | null;
  counts?: Record<string, number>;
}

let firefox: Firefox;
const downloads = temporaryDir('gatehouse-ff-downloads-');

beforeAll(async () => {
  firefox = await launchFirefox({
    prefs: {
      // Exports land in a known folder without a dialog.
      'browser.download.folderList': 2,
      'browser.download.dir': downloads.dir,
      'browser.download.useDownloadDir': true,
      'browser.download.always_ask_before_handling_new_types': false,
    },
  });
  const extension = await firefox.extensionPage();
  await policyInForce(extension, undefined, 'default');
  await extension.evaluate(waitForPasteGuardScript);
  await extension.close();
});

afterAll(async () => {
  await firefox?.close();
  downloads.remove();
});

test('block, Continue and a redacted paste are logged, listed in the popup, exported, never leaked', async () => {
  const tab = await firefox.browser.newPage();
  await serve(tab, { standIns, editors: true });
  // 1. The default policy blocks DeepSeek.
  await navigate(tab, 'https://chat.deepseek.com/', new RegExp(`^${extensionOrigin}/blocked\\.html#`));
  await expect.poll(() => textOf(tab, '.details')).toContain('China');
  // 2. It warns on Qwen (jurisdiction unknown); Continue reaches the service.
  await navigate(tab, 'https://chat.qwen.ai/', new RegExp(`^${extensionOrigin}/warn\\.html#`));
  await clickButton(tab, 'Continue');
  await waitForUrl(tab, 'https://chat.qwen.ai/');
  await expect.poll(() => textOf(tab, 'h1')).toBe(standInText);
  // 3. A paste of personal data into Gemini (allowed) is redacted.
  await openEditor(tab, 'textarea');
  await pasteWithKeyboard(tab, `Mail ${email}, pay to ${iban} please`);
  await expect.poll(() => editorText(tab, 'textarea')).toBe('Mail [EMAIL], pay to [IBAN] please');

  // 4. The popup lists all three.
  const popup = await firefox.extensionPage('popup.html');
  const row = (kind: string) => `.event-row[data-kind="${kind}"]`;
  await expect.poll(() => countOf(popup, row('redacted')), { timeout: 10_000 }).toBe(1);
  expect(await countOf(popup, row('blocked'))).toBe(1);
  expect(await textOf(popup, row('blocked'))).toContain('chat.deepseek.com');
  expect(await countOf(popup, row('continued'))).toBe(1);
  expect(await textOf(popup, row('continued'))).toContain('chat.qwen.ai');
  expect(await textOf(popup, row('redacted'))).toContain('EMAIL × 1, IBAN × 1');
  expect(await textOf(popup, '.policy-name')).toBe('Gatehouse default');

  // 5. The JSON export holds them; neither it nor IndexedDB holds a pasted value.
  await clickButton(popup, 'Export JSON');
  // Firefox creates the file empty, writes a .part file beside it, then moves that over it.
  const exportedText = await until(() => {
    const files = readdirSync(downloads.dir);
    const file = files.find((f) => f.endsWith('.json'));
    if (!file || files.some((f) => f.endsWith('.part'))) return '';
    return readFileSync(path.join(downloads.dir, file), 'utf8');
  }, 'the exported JSON file');
  const exported = JSON.parse(exportedText) as ExportedEvent[];
  const pick = (kind: string) => exported.filter((e) => e.kind === kind);
  expect(pick('blocked')).toEqual([
    expect.objectContaining({
      service: 'deepseek',
      host: 'chat.deepseek.com',
      rule: 'block-cn-jurisdiction',
    }),
  ]);
  expect(pick('continued')).toEqual([expect.objectContaining({ host: 'chat.qwen.ai' })]);
  expect(pick('redacted')).toEqual([
    expect.objectContaining({
      service: 'google-gemini',
      host: 'gemini.google.com',
      counts: { EMAIL: 1, IBAN: 1 },
    }),
  ]);
  const dump = await popup.evaluate(readAllIndexedDb);
  expect(dump).toContain('gatehouse-log/events');
  for (const secret of [email, localPart, iban, 'DE89', '0532013000']) {
    expect(dump).not.toContain(secret);
    expect(exportedText).not.toContain(secret);
  }
});
