import { readFileSync } from 'node:fs';
import { hashPassphrase } from '../../lib/policy/passphrase-hash';
import { expect, test } from './locked-test';
import {
  dumpExtensionIndexedDb,
  eventRows,
  openPopup,
  produceBlockContinueRedactEvents,
  recordFromExtensionPage,
  recordWithRetries,
  storeActivePolicy,
} from './log-popup-page';
import { WorkerKiller } from './service-worker-control';

// Seeds the log through the testhooks build's recordEvent message (never in production).
test.use({ extensionBuild: 'testhooks' });

test('the popup lists recorded events, filters them and exports what the filter shows', async ({
  context,
  extensionId,
}) => {
  const page = await openPopup(context, extensionId);
  await produceBlockContinueRedactEvents(page);
  await page.reload();

  await expect(page.locator('.policy-name')).toHaveText('Gatehouse default');
  await expect(page.locator('.policy-source')).toHaveAttribute('data-source', 'default');
  await expect(page.locator('.status-today')).toContainText('Today: 4 events');
  await expect(eventRows(page)).toHaveCount(4);
  await expect(page.locator('.event-row[data-kind="continued"]')).toContainText(
    'Vendor evaluation, ticket 42',
  );
  await expect(page.locator('.event-row[data-kind="redacted"]')).toContainText('EMAIL × 2, IBAN × 1');
  await expect(page.locator('.event-row[data-kind="redacted"]')).toContainText('chatgpt.com');
  await expect(page.locator('.event-row[data-kind="blocked"]')).toContainText('chat.deepseek.com');
  await expect(page.locator('.chart rect')).not.toHaveCount(0);

  await page.getByLabel('Event', { exact: true }).selectOption('continued');
  await expect(eventRows(page)).toHaveCount(1);
  const csvDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export CSV' }).click();
  const csv = readFileSync((await (await csvDownload).path())!, 'utf8');
  expect(csv.split('\r\n')[0]).toBe(
    'id,time,kind,service,host,url,rule,incognito,justification,counts,policy,detail',
  );
  expect(csv).toContain('"Vendor evaluation, ticket 42"');
  expect(csv).not.toContain('deepseek');

  await page.getByLabel('Event', { exact: true }).selectOption('');
  await page.getByLabel('Search').fill('deepseek');
  await expect(eventRows(page)).toHaveCount(1);
  await page.getByLabel('Search').fill('');
  await expect(eventRows(page)).toHaveCount(4);

  await recordFromExtensionPage(page, [
    { kind: 'blocked', service: 'kimi', host: 'kimi.moonshot.cn', time: Date.now() - 10 * 86_400_000 },
  ]);
  await page.reload();
  await expect(eventRows(page)).toHaveCount(5);
  // Services by display name, the catalog id on hover.
  await expect(page.getByLabel('Service', { exact: true })).toContainText('Kimi');
  await expect(page.locator('#filter-service option[value="kimi"]')).toHaveAttribute('title', /· kimi$/);
  await page.getByLabel('Time range').selectOption('24h');
  await expect(eventRows(page)).toHaveCount(4);
  await page.getByLabel('Time range').selectOption('30d');
  await page.getByLabel('Service', { exact: true }).selectOption('kimi');
  await expect(eventRows(page)).toHaveCount(1);
  await page.getByLabel('Service', { exact: true }).selectOption('');
  const jsonDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export JSON' }).click();
  const exported = JSON.parse(readFileSync((await (await jsonDownload).path())!, 'utf8')) as {
    kind: string;
  }[];
  expect(exported.map((e) => e.kind).sort()).toEqual([
    'blocked',
    'blocked',
    'continued',
    'redacted',
    'warned',
  ]);
});

test('an event sent twice is stored once, in order of a rising seq', async ({ context, extensionId }) => {
  const page = await openPopup(context, extensionId);
  const event = { id: 'fixed-id-0001', time: Date.now(), kind: 'blocked', host: 'chat.deepseek.com' };
  const answers = await recordFromExtensionPage(page, [event, event]);
  expect(answers).toEqual([{ ok: true }, { ok: true }]);
  await recordFromExtensionPage(page, [event]);
  const dump = JSON.parse(await dumpExtensionIndexedDb(page)) as Record<
    string,
    { id: string; seq: number }[]
  >;
  const rows = dump['gatehouse-log/events']!;
  expect(rows.filter((row) => row.id === 'fixed-id-0001')).toHaveLength(1);
  await recordFromExtensionPage(page, [{ kind: 'warned' }, { kind: 'went_back' }]);
  const after = (JSON.parse(await dumpExtensionIndexedDb(page)) as Record<string, { seq: number }[]>)[
    'gatehouse-log/events'
  ]!;
  const seqs = after.map((row) => row.seq);
  expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
  expect(new Set(seqs).size).toBe(3);
});

test('a worker stopped mid-write loses nothing acknowledged and stores a resent event once', async ({
  context,
  extensionId,
}) => {
  test.setTimeout(180_000);
  const page = await openPopup(context, extensionId);
  // Stops only an activated worker: one stopped while installing is discarded by Chromium and the
  // extension has no background left to answer (see WorkerKiller).
  const killer = await WorkerKiller.attach(context);
  const events = Array.from({ length: 600 }, (_, i) => ({
    id: `stopped-worker-${String(i).padStart(4, '0')}`,
    kind: 'blocked',
    host: 'chat.deepseek.com',
  }));
  const sending = recordWithRetries(page, events);
  await killer.reached('activated');
  for (let i = 0; i < 3; i++) {
    await page.waitForTimeout(40);
    await killer.kill();
  }
  const { failures, unacknowledged } = await sending;
  const rows = (JSON.parse(await dumpExtensionIndexedDb(page)) as Record<string, { id: string }[]>)[
    'gatehouse-log/events'
  ]!;
  const ids = rows.map((row) => row.id).filter((id) => id.startsWith('stopped-worker-'));
  expect(killer.kills).toBe(3);
  expect(unacknowledged, 'events the background never acknowledged').toEqual([]);
  expect(ids).toHaveLength(600);
  expect(new Set(ids).size).toBe(600);
  test.info().annotations.push({ type: 'sends retried after a stop', description: String(failures) });
});

test('no redacted value reaches IndexedDB', async ({ context, extensionId }) => {
  const page = await openPopup(context, extensionId);
  await produceBlockContinueRedactEvents(page);
  // A sender that tries to smuggle the original text in is refused by the schema, not stored.
  const [answer] = await recordFromExtensionPage(page, [
    { kind: 'redacted', service: 'chatgpt', counts: { EMAIL: 1 }, original: 'alice@example.com' },
  ]);
  expect(answer).toMatchObject({ ok: false });
  const dump = await dumpExtensionIndexedDb(page);
  expect(dump).toContain('"kind":"redacted"');
  expect(dump).not.toContain('alice@example.com');
  expect(dump).not.toContain('/c/abc');
});

test('with an admin passphrase in the policy, the log needs it; the header does not', async ({
  context,
  extensionId,
}) => {
  const passphraseHash = await hashPassphrase('correct horse battery staple', { iterations: 100_000 });
  const page = await openPopup(context, extensionId);
  await produceBlockContinueRedactEvents(page);
  const policy = {
    ...JSON.parse(readFileSync('policies/default.json', 'utf8')),
    name: 'Acme AI policy',
    version: '7',
    admin: { passphraseHash },
  };
  await storeActivePolicy(page, { source: 'managed', appliedAt: Date.now(), policy, problems: [] });
  await page.reload();

  await expect(page.locator('.policy-name')).toHaveText('Acme AI policy');
  await expect(page.locator('.policy-source')).toHaveAttribute('data-source', 'managed');
  await expect(page.getByLabel('Admin passphrase')).toBeVisible();
  await expect(page.locator('.event-table')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Export CSV' })).toHaveCount(0);

  await page.getByLabel('Admin passphrase').fill('wrong');
  await page.getByRole('button', { name: 'Show the log' }).click();
  await expect(page.getByRole('alert')).toHaveText('That passphrase is not correct.');
  await expect(page.locator('.event-table')).toHaveCount(0);

  await page.getByLabel('Admin passphrase').fill('correct horse battery staple');
  await page.getByRole('button', { name: 'Show the log' }).click();
  await expect(eventRows(page)).toHaveCount(4);
});

// The locale files are checked by tests/unit/log/popup-locales.test.ts: headless Chromium here picks the
// extension's message bundle from the build machine's locale and ignores --lang, LANGUAGE and `locale`.
test('the list, chart and filters are exposed to assistive technology and the keyboard', async ({
  context,
  extensionId,
}) => {
  const page = await openPopup(context, extensionId);
  await produceBlockContinueRedactEvents(page);
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('lang', /^en/);
  const table = page.getByRole('table', { name: 'Events, newest first' });
  await expect(table).toHaveAttribute('aria-rowcount', '5');
  await expect(table.getByRole('row')).toHaveCount(5);
  await expect(table.getByRole('columnheader')).toHaveCount(6);
  // A log begun minutes ago charts hours, not one bar at the end of a month; the keyboard reads each bar.
  const chart = page.getByRole('group', { name: 'Events per hour over the last 24 hours: 4 in total' });
  await expect(chart).toBeVisible();
  const readout = page.locator('#chart-readout');
  await chart.focus();
  await page.keyboard.press('Home');
  await expect(readout).toHaveText(/: 0 events$/);
  await page.keyboard.press('End');
  // Events recorded just before the hour turned are in the bar before the last.
  if (!(await readout.textContent())?.includes(': 4 events')) await page.keyboard.press('ArrowLeft');
  await expect(readout).toContainText(/: 4 events · Blocked 1 · Warned 1 · Continued 1 · Redacted 1$/);
  await page.getByLabel('Search').focus();
  await page.keyboard.type('deepseek');
  await expect(eventRows(page)).toHaveCount(1);
  await page.keyboard.press('Shift+Tab');
  await expect(page.getByLabel('Time range')).toBeFocused();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Export CSV' })).toBeFocused();
});

test('counts per event and per service narrow the list, and services show their names', async ({
  context,
  extensionId,
}) => {
  const page = await openPopup(context, extensionId);
  await produceBlockContinueRedactEvents(page);
  await page.reload();
  await expect(eventRows(page)).toHaveCount(4);
  const byKind = page.getByRole('group', { name: 'By event' });
  const byService = page.getByRole('group', { name: 'By service' });
  await expect(byKind.getByRole('button')).toHaveText(['Blocked 1', 'Warned 1', 'Continued 1', 'Redacted 1']);
  await expect(byService.getByRole('button', { name: 'DeepSeek 1' })).toHaveAttribute('title', /· deepseek$/);
  await expect(byService.getByRole('button', { name: 'example-ai 2' })).toBeVisible();
  // In the list too: the short name, with the full catalog name and id on hover.
  const deepseekCell = page.locator('.event-row[data-kind="blocked"] [data-service="deepseek"]');
  await expect(deepseekCell).toHaveText('DeepSeek');
  await expect(deepseekCell).toHaveAttribute('title', 'DeepSeek (chat, app, API platform) · deepseek');

  await byService.getByRole('button', { name: 'example-ai 2' }).focus();
  await page.keyboard.press('Enter');
  await expect(eventRows(page)).toHaveCount(2);
  await expect(page.getByLabel('Service', { exact: true })).toHaveValue('example-ai');
  await expect(byService.getByRole('button', { name: 'example-ai 2' })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  await page.keyboard.press('Enter');
  await expect(eventRows(page)).toHaveCount(4);
  await byKind.getByRole('button', { name: 'Redacted 1' }).click();
  await expect(eventRows(page)).toHaveCount(1);
  await expect(page.getByLabel('Event', { exact: true })).toHaveValue('redacted');
});
