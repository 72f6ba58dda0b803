// The worker-stop helper itself: Chromium discards a worker stopped before it activated, so the helper
// waits. Without the wait this fails every time (the cause of a rare "every event lost" in log-popup).
import { expect, test } from './locked-test';
import { openPopup, recordFromExtensionPage } from './log-popup-page';
import { WorkerKiller } from './service-worker-control';
import { extensionId } from './stand-in';

// Seeds the log through the testhooks build's recordEvent message (never in production).
test.use({ extensionBuild: 'testhooks' });

test('a stop asked for while the worker installs waits for activation, so the extension still answers', async ({
  context,
}) => {
  // Attached at once, on the tab the browser opened with: the worker is still installing.
  const killer = await WorkerKiller.attach(context, context.pages()[0]);
  await killer.reached('installing');
  await killer.kill();
  const page = await openPopup(context, extensionId);
  const answers = await recordFromExtensionPage(page, [{ kind: 'blocked', host: 'chat.deepseek.com' }]);
  expect(answers).toEqual([{ ok: true }]);
  expect(killer.kills).toBe(1);
});
