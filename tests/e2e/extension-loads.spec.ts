import { readFileSync } from 'node:fs';
import { expect, extensionPath, test, testHooksExtensionPath } from './fixtures';

const pinned = JSON.parse(readFileSync('keys/dev-extension.json', 'utf8')) as { id: string };

test('the built extension loads with the pinned development id', async ({ extensionId, serviceWorker }) => {
  expect(extensionId).toBe(pinned.id);
  const manifest = await serviceWorker.evaluate(() => chrome.runtime.getManifest());
  expect(manifest.manifest_version).toBe(3);
  expect(manifest.name).toBe('Gatehouse');
});

test('the production build has no message that writes the log: a page cannot record events', async ({
  context,
  extensionId,
  serviceWorker,
}) => {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/popup.html`);
  const event = { id: 'forged-0000-0001', time: Date.now(), kind: 'continued', justification: 'forged' };
  const answer = await page.evaluate(
    (event) => chrome.runtime.sendMessage({ type: 'recordEvent', event }),
    event,
  );
  expect(answer).toEqual({ ok: false, error: 'unknown message type' });
  // Nor is the handler merely unreachable: the testhooks code is not in the shipped worker at all.
  // (The message type is a string literal in the testhooks build's worker; production has none.)
  const workerScript = readFileSync(`${extensionPath}/background.js`, 'utf8');
  expect(serviceWorker.url()).toContain('background.js');
  expect(workerScript).not.toMatch(/[`'"]recordEvent[`'"]/);
  expect(readFileSync(`${testHooksExtensionPath}/background.js`, 'utf8')).toMatch(/[`'"]recordEvent[`'"]/);
});
