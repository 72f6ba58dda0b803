// The one Playwright fixture: real Chromium with the built extension, plus its service worker and id.
import { test as base, chromium, type BrowserContext, type Worker } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** The production build: what users get, and what almost every e2e test drives. */
export const extensionPath = path.resolve(process.env.GATEHOUSE_OUT_DIR ?? '.output', 'chrome-mv3');
/**
 * `npm run build:testhooks`: production plus the test-only recordEvent message (lib/background/test-hooks.ts),
 * for the specs and benches that need thousands of events in the log. Never shipped.
 */
export const testHooksExtensionPath = path.resolve(
  process.env.GATEHOUSE_OUT_DIR ?? '.output',
  'chrome-mv3-testhooks',
);
export type ExtensionBuild = 'production' | 'testhooks';
export const chromiumPath = process.env.CHROME_PATH ?? '/usr/bin/chromium';

export interface LaunchOptions {
  /** Reuse a profile across launches (browser restart tests); a fresh one otherwise. */
  userDataDir?: string;
  args?: string[];
  /**
   * false: do not load the unpacked build; the extension must come from policy (ExtensionInstallForcelist),
   * so extensions and the background networking that downloads them stay enabled.
   */
  unpacked?: boolean;
  /** Which build to load unpacked (default: production). */
  build?: ExtensionBuild;
}

export async function launchExtensionContext(options: LaunchOptions = {}): Promise<BrowserContext> {
  const unpacked = options.unpacked ?? true;
  const extension = options.build === 'testhooks' ? testHooksExtensionPath : extensionPath;
  return chromium.launchPersistentContext(options.userDataDir ?? '', {
    executablePath: chromiumPath,
    headless: true,
    ...(unpacked ? {} : { ignoreDefaultArgs: ['--disable-extensions', '--disable-background-networking'] }),
    args: [
      ...(unpacked
        ? [
            `--disable-extensions-except=${extension}`,
            `--load-extension=${extension}`,
            '--disable-background-networking',
          ]
        : []),
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-component-update',
      '--disable-sync',
      ...(options.args ?? []),
    ],
  });
}

export async function extensionWorker(context: BrowserContext): Promise<Worker> {
  // The worker can register between the check and the wait, so poll as well as listen.
  const event = context.waitForEvent('serviceworker', { timeout: 15_000 }).catch(() => null);
  for (let i = 0; i < 150; i++) {
    const [existing] = context.serviceWorkers();
    if (existing) return existing;
    const found = await Promise.race([event, new Promise<null>((r) => setTimeout(() => r(null), 100))]);
    if (found) return found;
  }
  throw new Error('the extension service worker did not start');
}

/** A temporary profile directory, removed by the returned function. */
export function temporaryProfile(): { dir: string; remove: () => void } {
  const dir = mkdtempSync(path.join(tmpdir(), 'gatehouse-profile-'));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

export const test = base.extend<{
  extensionBuild: ExtensionBuild;
  context: BrowserContext;
  serviceWorker: Worker;
  extensionId: string;
}>({
  extensionBuild: ['production', { option: true }],
  context: async ({ extensionBuild }, use) => {
    const context = await launchExtensionContext({ build: extensionBuild });
    await use(context);
    await context.close();
  },
  serviceWorker: async ({ context }, use) => {
    await use(await extensionWorker(context));
  },
  extensionId: async ({ serviceWorker }, use) => {
    await use(new URL(serviceWorker.url()).host);
  },
});

export const expect = test.expect;
