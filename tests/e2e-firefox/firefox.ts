// Real Firefox ESR with the built extension, driven by puppeteer-core over WebDriver BiDi (no geckodriver).
// Each launch gets its own HOME, so a per-user managed-storage manifest needs no root and no lock.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import devExtension from '../../keys/dev-extension.json' with { type: 'json' };
import { acquireLock, releaseLock } from '../e2e/machine-lock';
import { waitForPolicyInForce } from '../e2e/stand-in';

export const firefoxPath = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
export const extensionDir = path.resolve(process.env.GATEHOUSE_OUT_DIR ?? '.output', 'firefox-mv3');
export const addonId = devExtension.geckoId;
/** Pinned with the `extensions.webextensions.uuids` pref, so the tests know the moz-extension:// host. */
export const extensionUuid = '6f1c3d2e-9a4b-4c7d-8e5f-0a1b2c3d4e5f';
export const extensionOrigin = `moz-extension://${extensionUuid}`;

export interface FirefoxOptions {
  /** HOME for this browser (kept by the caller, e.g. across restarts); a fresh one otherwise. */
  home?: string;
  /** A profile to reuse across launches (restart tests); puppeteer makes a temporary one otherwise. */
  profile?: string;
  /** Writes `$HOME/.mozilla/managed-storage/<add-on id>.json` with `{ policy }` before the launch. */
  managedPolicy?: unknown;
  prefs?: Record<string, unknown>;
  /**
   * false: do not install the build as a temporary add-on; Gatehouse must come from policy (the
   * ExtensionSettings force-install entry of a policies.json). Default true.
   */
  install?: boolean;
  /** More temporary add-ons, installed after Gatehouse (test instruments). */
  addons?: string[];
  /**
   * The caller already holds the machine-wide lock (it wrote /etc/firefox/policies/policies.json);
   * otherwise the launch takes it, so it never starts while another run's policies.json is in place.
   * Firefox reads policies.json at startup only, so the lock is released once the browser is up.
   */
  holdsLock?: boolean;
}

export interface Firefox {
  browser: Browser;
  home: string;
  /** Opens an extension page and waits until it has loaded (Puppeteer does not see that happen). */
  extensionPage(file?: string): Promise<Page>;
  close(): Promise<void>;
}

/** The per-user managed storage manifest Firefox reads for the add-on (the native-manifest route). */
export function writeManagedStorageManifest(home: string, policy: unknown): string {
  const dir = path.join(home, '.mozilla', 'managed-storage');
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${addonId}.json`);
  const manifest = {
    name: addonId,
    description: 'Gatehouse policy (e2e)',
    type: 'storage',
    data: { policy },
  };
  writeFileSync(file, JSON.stringify(manifest, null, 2));
  return file;
}

export function temporaryDir(prefix: string): { dir: string; remove: () => void } {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

export async function launchFirefox(options: FirefoxOptions = {}): Promise<Firefox> {
  const ownHome = options.home === undefined ? temporaryDir('gatehouse-ff-home-') : undefined;
  const home = options.home ?? ownHome!.dir;
  if (options.managedPolicy !== undefined) writeManagedStorageManifest(home, options.managedPolicy);
  if (!options.holdsLock) await acquireLock();
  let browser: Browser;
  try {
    browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath: firefoxPath,
      headless: true,
      // Extension pages (moz-extension://) can be opened over BiDi only with this flag.
      args: ['-remote-allow-system-access'],
      env: { ...process.env, HOME: home },
      ...(options.profile ? { userDataDir: options.profile } : {}),
      extraPrefsFirefox: {
        'extensions.webextensions.uuids': JSON.stringify({ [addonId]: extensionUuid }),
        // A temporary add-on is uninstalled when the browser quits; restart tests keep its storage and log
        // the way a normal install keeps them.
        'extensions.webextensions.keepStorageOnUninstall': true,
        'extensions.webextensions.keepUuidOnUninstall': true,
        // navigator.clipboard.write from the test without a user gesture (the paste itself is a real key press).
        'dom.events.testing.asyncClipboard': true,
        ...options.prefs,
      },
    });
  } catch (error) {
    if (!options.holdsLock) releaseLock();
    ownHome?.remove();
    throw error;
  }
  if (!options.holdsLock) releaseLock();
  try {
    if (options.install ?? true) await browser.installExtension(extensionDir);
    for (const addon of options.addons ?? []) await browser.installExtension(addon);
  } catch (error) {
    await browser.close();
    ownHome?.remove();
    throw error;
  }
  return {
    browser,
    home,
    extensionPage: (file = 'blocked.html') => openExtensionPage(browser, file),
    close: async () => {
      await browser.close();
      ownHome?.remove();
    },
  };
}

export type UrlMatch = RegExp | string | ((href: string) => boolean);

/**
 * Navigates without waiting for the load event: Puppeteer never sees one for moz-extension:// pages (the
 * block and warn pages a DNR redirect lands on included). Returns once the URL matches.
 */
export async function navigate(
  page: Page,
  url: string,
  expected: UrlMatch = url,
  timeoutMs?: number,
): Promise<string> {
  void page.goto(url, { timeout: 0 }).catch(() => undefined);
  return waitForUrl(page, expected, timeoutMs);
}

/** Opens `url` and returns where the tab settled: at `url` itself, or at an interstitial naming it. */
export function open(page: Page, url: string): Promise<string> {
  const target = new URL(url).href;
  return navigate(page, url, (href) => href === target || href.endsWith(`.html#${target}`));
}

export async function waitForUrl(page: Page, expected: UrlMatch, timeoutMs = 15_000): Promise<string> {
  const matches = (href: string) =>
    typeof expected === 'string'
      ? href === expected
      : expected instanceof RegExp
        ? expected.test(href)
        : expected(href);
  const deadline = Date.now() + timeoutMs;
  let href = '';
  for (;;) {
    href = await page
      .evaluate(() => (document.readyState === 'loading' ? '' : location.href))
      .catch(() => '');
    if (href && matches(href)) return href;
    if (Date.now() > deadline)
      throw new Error(`the page is at ${href || '(loading)'}, not ${String(expected)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Opens an extension page, trying again while the add-on is not installed yet (policy installs take a while). */
async function openExtensionPage(browser: Browser, file: string): Promise<Page> {
  const page = await browser.newPage();
  const url = `${extensionOrigin}/${file}`;
  for (let attempt = 1; ; attempt++) {
    try {
      await navigate(page, url, url, 3_000);
      return page;
    } catch (error) {
      if (attempt >= 10) throw error;
    }
  }
}

/** Waits until the background has put a policy in force (optionally a particular one from a source). */
export async function policyInForce(page: Page, name?: string, source?: string): Promise<void> {
  await page.evaluate(waitForPolicyInForce, { name, source });
}
