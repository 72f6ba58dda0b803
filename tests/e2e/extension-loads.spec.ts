import { readFileSync } from 'node:fs';
import { expect, test } from './fixtures';

const pinned = JSON.parse(readFileSync('keys/dev-extension.json', 'utf8')) as { id: string };

test('the built extension loads with the pinned development id', async ({ extensionId, serviceWorker }) => {
  expect(extensionId).toBe(pinned.id);
  const manifest = await serviceWorker.evaluate(() => chrome.runtime.getManifest());
  expect(manifest.manifest_version).toBe(3);
  expect(manifest.name).toBe('Gatehouse');
});
