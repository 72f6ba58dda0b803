// The fixture's test, with each browser launched under the managed-policy lock: several people share
// this machine, and another run's policy file in /etc/chromium/policies/managed would change what we see.
import type { BrowserContext } from '@playwright/test';
import { launchExtensionContext, test as base } from './fixtures';
import { acquireLockForTest, releaseLock } from './managed-policy';

export const test = base.extend<{ context: BrowserContext }>({
  context: async ({ extensionBuild }, use) => {
    await acquireLockForTest();
    try {
      const context = await launchExtensionContext({ build: extensionBuild });
      await use(context);
      await context.close();
    } finally {
      releaseLock();
    }
  },
});

export const expect = test.expect;
