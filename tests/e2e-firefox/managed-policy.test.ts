// Managed policy pushed the ways Firefox takes it: the per-user managed-storage manifest (under a temporary
// HOME: no root, no lock) and the machine-wide policies.json compiled by the CLI (under the shared lock).
// Firefox reads both at startup only, so each policy change here is a browser restart.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterEach, expect, test } from 'vitest';
import { compilePolicy } from '../e2e/compiled-policy';
import { acquireLock, releaseLock } from '../e2e/machine-lock';
import { standInText } from '../e2e/stand-in';
import warnCn from '../../policies/examples/warn-cn.json' with { type: 'json' };
import {
  addonId,
  extensionOrigin,
  launchFirefox,
  navigate,
  open,
  policyInForce,
  temporaryDir,
  waitForUrl,
  writeManagedStorageManifest,
  type Firefox,
} from './firefox';
import { click, clickButton, textOf } from './page-text';
import { serve } from './serve';

const interstitial = (name: string) => new RegExp(`^${extensionOrigin}/${name}\\.html#`);
const standIns = /^https:\/\/([a-z0-9-]+\.)*(deepseek\.com|moonshot\.cn)\//;
/** Where Debian's Firefox ESR reads the machine-wide policies (not /etc/firefox-esr/policies/). */
const machinePolicies = '/etc/firefox/policies/policies.json';
/** The machine-wide lock may be held by another run for minutes (acquireLock gives up after 5). */
const lockedTestTimeout = 420_000;
const blockDeepSeek = {
  name: 'Block DeepSeek',
  version: '3',
  rules: [{ id: 'block-deepseek', match: { services: ['deepseek'] }, action: 'block' }],
};

interface ActiveSummary {
  source: string;
  name: string;
  problems: string[];
}

async function activePolicy(extension: Page): Promise<ActiveSummary | null> {
  return extension.evaluate(async () => {
    const { activePolicy } = (await chrome.storage.local.get('activePolicy')) as {
      activePolicy?: { source: string; policy: { name: string }; problems: string[] };
    };
    return activePolicy
      ? { source: activePolicy.source, name: activePolicy.policy.name, problems: activePolicy.problems }
      : null;
  });
}

async function tab(firefox: Firefox): Promise<Page> {
  const page = await firefox.browser.newPage();
  await serve(page, { standIns });
  return page;
}

/** DeepSeek meets the warn page; Continue needs the reason the rule requires, then reaches the site. */
async function warnThenContinue(firefox: Firefox): Promise<void> {
  const page = await tab(firefox);
  await navigate(page, 'https://chat.deepseek.com/', interstitial('warn'));
  await expect.poll(() => textOf(page, '.message')).toContain(warnCn.rules[0]!.message!);
  expect(await textOf(page, '.details')).toContain('warn-cn-jurisdiction');
  await clickButton(page, 'Continue');
  await expect.poll(() => textOf(page, '[role="alert"]')).toBe('Please write a reason before you continue.');
  await click(page, 'textarea');
  await page.keyboard.type('comparing vendors for procurement');
  await clickButton(page, 'Continue');
  await waitForUrl(page, 'https://chat.deepseek.com/');
  await expect.poll(() => textOf(page, 'h1')).toBe(standInText);
  await page.close();
}

let cleanup: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const step of cleanup.reverse()) await step();
  cleanup = [];
  // Whatever a test did, no machine-wide policy is left for the next browser on this machine.
  expect(existsSync(machinePolicies)).toBe(false);
});

test(
  'per-user manifest: in force at startup; an invalid one after a restart keeps the last valid; a valid one replaces it',
  async () => {
    const home = temporaryDir('gatehouse-ff-home-');
    const profile = temporaryDir('gatehouse-ff-profile-');
    cleanup.push(home.remove, profile.remove);
    // One wait for the machine-wide lock, held over the three launches, instead of one wait per launch.
    await acquireLock();
    cleanup.push(releaseLock);
    const launch = async (policy: unknown) => {
      const firefox = await launchFirefox({
        home: home.dir,
        profile: profile.dir,
        managedPolicy: policy,
        holdsLock: true,
      });
      cleanup.push(() => firefox.close());
      const extension = await firefox.extensionPage();
      return { firefox, extension, close: () => firefox.close().then(() => void cleanup.pop()) };
    };

    // 1. warn-cn.json from the manifest: DeepSeek warns, and Continue needs a reason.
    let run = await launch(warnCn);
    await policyInForce(run.extension, warnCn.name, 'managed');
    await warnThenContinue(run.firefox);
    // Firefox does not see a manifest change while it runs: storage.managed still answers the first one.
    writeManagedStorageManifest(home.dir, blockDeepSeek);
    const seen = await run.extension.evaluate(() => chrome.storage.managed.get('policy'));
    expect((seen as { policy: { name: string } }).policy.name).toBe(warnCn.name);
    await run.close();

    // 2. An invalid policy (after a restart): the warn policy stays in force and the problem is on record.
    run = await launch({ ...warnCn, version: '2', alternatives: ['no-such-service'] });
    await expect
      .poll(() => activePolicy(run.extension).then((a) => a?.source), { timeout: 15_000 })
      .toBe('last-valid');
    const active = await activePolicy(run.extension);
    expect(active?.name).toBe(warnCn.name);
    expect(active?.problems.join()).toMatch(/alternatives\[0\]: no catalog service/);
    const kimi = await tab(run.firefox);
    await navigate(kimi, 'https://kimi.moonshot.cn/', interstitial('warn'));
    await run.close();

    // 3. A valid change (after a restart) takes effect: DeepSeek is blocked, Kimi allowed.
    run = await launch(blockDeepSeek);
    await policyInForce(run.extension, blockDeepSeek.name, 'managed');
    const page = await tab(run.firefox);
    expect(await open(page, 'https://chat.deepseek.com/')).toMatch(interstitial('blocked'));
    expect(await open(page, 'https://kimi.moonshot.cn/')).toBe('https://kimi.moonshot.cn/');
    await expect.poll(() => textOf(page, 'h1')).toBe(standInText);
    await run.close();
  },
  lockedTestTimeout,
);

test(
  'the compiled, hardened policies.json, used as-is, force-installs Gatehouse and puts the bundle in force; a new one applies at the next start',
  async () => {
    // The signed .xpi an admin would host, stood in for by the unsigned build on a loopback server.
    const xpi = await serveFile(builtXpi(), 'application/x-xpinstall');
    cleanup.push(xpi.close);
    const compile = (bundle: string) => compilePolicy(bundle, 'firefox', '--update-url', xpi.url, '--harden');
    const artifact = compile('policies/examples/warn-cn.json');
    expect(JSON.parse(artifact)).toMatchObject({
      policies: {
        ExtensionSettings: { [addonId]: { installation_mode: 'force_installed', install_url: xpi.url } },
        // The bundle as JSON text (lib/policy/managed-bundle.ts), as for Chrome.
        '3rdparty': { Extensions: { [addonId]: { policyJson: JSON.stringify(warnCn) } } },
      },
    });
    const profile = temporaryDir('gatehouse-ff-profile-');
    const bundles = temporaryDir('gatehouse-ff-bundle-');
    cleanup.push(profile.remove, bundles.remove);
    const blockBundle = path.join(bundles.dir, 'block-deepseek.json');
    writeFileSync(blockBundle, JSON.stringify(blockDeepSeek));
    const blockArtifact = compile(blockBundle);

    await acquireLock();
    cleanup.push(releaseLock);
    mkdirSync(path.dirname(machinePolicies), { recursive: true });
    writeFileSync(machinePolicies, artifact);
    cleanup.push(() => rmSync(machinePolicies, { force: true }));
    // Firefox ESR installs an unsigned add-on from policy only with signature checks off (with them on it
    // downloads the file and refuses it); release Firefox ignores this pref.
    const launch = async () => {
      const firefox = await launchFirefox({
        holdsLock: true,
        install: false,
        profile: profile.dir,
        prefs: { 'xpinstall.signatures.required': false },
      });
      cleanup.push(() => firefox.close());
      return { firefox, close: () => firefox.close().then(() => void cleanup.pop()) };
    };

    let run = await launch();
    const extension = await run.firefox.extensionPage();
    expect(xpi.requests).toEqual(['/gatehouse.xpi']);
    await policyInForce(extension, warnCn.name, 'managed');
    // Installed by policy (not temporarily), with the host permission granted at install.
    expect(await extension.evaluate(() => chrome.permissions.contains({ origins: ['<all_urls>'] }))).toBe(
      true,
    );
    await warnThenContinue(run.firefox);
    // --harden's BlockAboutAddons: the page where users withdraw Gatehouse's host access is closed.
    const addons = await run.firefox.browser.newPage();
    void addons.goto('about:addons').catch(() => undefined);
    await expect
      .poll(() => textOf(addons, 'body'))
      .toContain('Your organization has blocked access to this page or website.');
    // A changed file is not seen while Firefox runs: storage.managed still answers what it read at startup.
    writeFileSync(machinePolicies, blockArtifact);
    const seen = await extension.evaluate(() => chrome.storage.managed.get('policyJson'));
    expect((JSON.parse((seen as { policyJson: string }).policyJson) as { name: string }).name).toBe(
      warnCn.name,
    );
    await run.close();

    // The next start: the installed add-on reads the new bundle at once (runtime.onStartup).
    run = await launch();
    const restarted = await run.firefox.extensionPage();
    await policyInForce(restarted, blockDeepSeek.name, 'managed');
    const page = await tab(run.firefox);
    expect(await open(page, 'https://chat.deepseek.com/')).toMatch(interstitial('blocked'));
    expect(xpi.requests).toEqual(['/gatehouse.xpi']);
    await run.close();
  },
  lockedTestTimeout,
);

/** The packed Firefox build (`wxt zip -b firefox`, run by npm run test:e2e:firefox). */
function builtXpi(): string {
  const dir = path.resolve(process.env.GATEHOUSE_OUT_DIR ?? '.output');
  const zip = readdirSync(dir).find((f) => f.endsWith('-firefox.zip'));
  if (!zip) throw new Error(`no *-firefox.zip in ${dir}: run npm run zip:firefox`);
  return path.join(dir, zip);
}

/** Serves one file at /gatehouse.xpi on loopback, recording each request path. */
async function serveFile(
  file: string,
  contentType: string,
): Promise<{ url: string; requests: string[]; close: () => Promise<void> }> {
  const requests: string[] = [];
  const body = readFileSync(file);
  const server = createServer((request, response) => {
    requests.push(request.url ?? '');
    if (request.url !== '/gatehouse.xpi') return void response.writeHead(404).end();
    response.writeHead(200, { 'content-type': contentType, 'content-length': body.length }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/gatehouse.xpi`,
    requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
