// The service worker's time from start to its rules installed, in real Chromium (the performance marks the
// policy loader sets, relative to the worker's own time origin: bundle parse and evaluation, catalog,
// policy, DNR compile, the browser's regex checks and the install). Peer, measured in the same run and
// interleaved with ours: a worker that does nothing but install the same rules, compiled beforehand.
// Cases: the default policy on a fresh profile (install) and at browser start, and a 10,000-host policy
// (the policy last in force, put back at browser start before managed storage answers).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext } from '@playwright/test';
import { startMarks } from '../lib/background/start-marks';
import { shippedCatalog } from '../lib/catalog/shipped-catalog';
import { compileDnrRules } from '../lib/policy/compile-dnr-rules';
import { compilePolicy } from '../lib/policy/compile-policy';
import { defaultPolicy } from '../lib/policy/default-policy';
import { chromeDnrLimits, type DnrRule } from '../lib/policy/dnr-rule';
import { policySchema, type Policy } from '../lib/policy/policy-schema';
import { chromiumPath, extensionPath, extensionWorker } from '../tests/e2e/fixtures';
import { extensionId } from '../tests/e2e/stand-in';
import { printTable } from './measure';

const runs = Number(process.env.WORKER_START_RUNS ?? 5);

function bigPolicy(): Policy {
  const hosts = Array.from({ length: 10_000 }, (_, i) => `host${i}.example${i % 7}.test`);
  return policySchema.parse({
    name: 'Bench: 10,000 hosts',
    version: '1',
    rules: [
      { id: 'block-cn', match: { jurisdictions: ['CN'] }, action: 'block' },
      { id: 'block-hosts', match: { hosts }, action: 'block' },
    ],
  });
}

function compiledRules(policy: Policy): DnrRule[] {
  const origin = `chrome-extension://${extensionId}`;
  const result = compileDnrRules(compilePolicy(policy, shippedCatalog()), {
    browser: 'chromium',
    blockPageUrl: `${origin}/blocked.html`,
    warnPageUrl: `${origin}/warn.html`,
    limits: chromeDnrLimits,
  });
  if (!result.ok) throw new Error(`the bench policy does not compile: ${result.problems.join('; ')}`);
  return result.rules;
}

/** The peer: an extension whose worker only installs `rules` (already compiled) and marks it. */
function peerExtension(rules: DnrRule[]): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'gatehouse-bench-peer-'));
  writeFileSync(
    path.join(dir, 'manifest.json'),
    JSON.stringify({
      manifest_version: 3,
      name: 'peer: precompiled rules',
      version: '1',
      permissions: ['declarativeNetRequest'],
      host_permissions: ['<all_urls>'],
      background: { service_worker: 'background.js' },
    }),
  );
  writeFileSync(
    path.join(dir, 'background.js'),
    [
      `performance.mark(${JSON.stringify(startMarks.workerStarted)});`,
      `const rules = ${JSON.stringify(rules)};`,
      // Woken at browser start like Gatehouse is.
      'chrome.runtime.onStartup.addListener(() => {});',
      'chrome.declarativeNetRequest.getDynamicRules().then((old) =>',
      '  chrome.declarativeNetRequest.updateDynamicRules({ removeRuleIds: old.map((r) => r.id), addRules: rules }),',
      `).then(() => performance.mark(${JSON.stringify(startMarks.rulesInstalled)}));`,
    ].join('\n'),
  );
  return dir;
}

function launch(extension: string, profile: string): Promise<BrowserContext> {
  return chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath,
    headless: true,
    args: [
      `--disable-extensions-except=${extension}`,
      `--load-extension=${extension}`,
      '--disable-background-networking',
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** The worker's marks: when it started running its script and when its first rules were in. */
async function marks(context: BrowserContext): Promise<{ script: number; rules: number }> {
  const worker = await extensionWorker(context);
  for (let i = 0; i < 300; i++) {
    // No named helpers inside: the page gets the function's source, without the bundler's helpers.
    const found = await worker.evaluate(
      (names) => ({
        script: performance.getEntriesByName(names.workerStarted)[0]?.startTime,
        rules: performance.getEntriesByName(names.rulesInstalled)[0]?.startTime,
      }),
      startMarks,
    );
    if (found.script !== undefined && found.rules !== undefined)
      return { script: found.script, rules: found.rules };
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('the worker never marked its rules as installed');
}

/** One measurement; a launch that fails outright (a loaded machine) is tried once more. */
async function measure(
  extension: string,
  restart: null | ((context: BrowserContext) => Promise<void>),
): Promise<{ script: number; rules: number }> {
  try {
    return await measureOnce(extension, restart);
  } catch (error) {
    console.error(`worker-start: a run failed (${String(error).slice(0, 120)}); trying it again`);
    return measureOnce(extension, restart);
  }
}

/** One measurement: a fresh profile, or (restart) a profile prepared by a first launch, then relaunched. */
async function measureOnce(
  extension: string,
  restart: null | ((context: BrowserContext) => Promise<void>),
): Promise<{ script: number; rules: number }> {
  const profile = mkdtempSync(path.join(tmpdir(), 'gatehouse-bench-profile-'));
  try {
    if (restart) {
      const first = await launch(extension, profile);
      await marks(first);
      await restart(first);
      await first.close();
    }
    const context = await launch(extension, profile);
    try {
      return await marks(context);
    } finally {
      await context.close();
    }
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}

/** Before the restart: Gatehouse's loader has applied the default; then the big policy is the one in force. */
function policyInForce(policy: Policy | null) {
  return async (context: BrowserContext) => {
    const worker = await extensionWorker(context);
    await worker.evaluate(async (policy) => {
      for (let i = 0; i < 200; i++) {
        const { activePolicy } = await chrome.storage.local.get('activePolicy');
        if (activePolicy) break;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      if (policy)
        await chrome.storage.local.set({
          activePolicy: { source: 'managed', appliedAt: Date.now(), policy, problems: [] },
        });
    }, policy);
  };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const ms = (n: number) => `${n.toFixed(0)} ms`;

export async function runWorkerStartBench(): Promise<void> {
  const big = bigPolicy();
  const peers = {
    default: peerExtension(compiledRules(defaultPolicy())),
    big: peerExtension(compiledRules(big)),
  };
  const cases = [
    { name: 'default policy, fresh profile (install)', peer: peers.default, restart: null, ours: null },
    {
      name: 'default policy, browser start',
      peer: peers.default,
      restart: async () => {},
      ours: policyInForce(null),
    },
    {
      name: '10,000-host policy, browser start',
      peer: peers.big,
      restart: async () => {},
      ours: policyInForce(big),
    },
  ];
  const rows: string[][] = [];
  try {
    for (const c of cases) {
      const ours: { script: number; rules: number }[] = [];
      const peer: { script: number; rules: number }[] = [];
      for (let i = 0; i < runs; i++) {
        ours.push(await measure(extensionPath, c.restart ? c.ours : null));
        peer.push(await measure(c.peer, c.restart));
      }
      const oursRules = median(ours.map((m) => m.rules));
      const peerRules = median(peer.map((m) => m.rules));
      rows.push([
        c.name,
        ms(oursRules),
        ms(median(ours.map((m) => m.script))),
        ms(Math.max(...ours.map((m) => m.rules))),
        ms(peerRules),
        `${(oursRules / peerRules).toFixed(1)}×`,
      ]);
    }
  } finally {
    for (const dir of Object.values(peers)) rmSync(dir, { recursive: true, force: true });
  }
  printTable(
    `worker start → rules installed, Chromium, median of ${runs} starts (script: when the worker began running its code)`,
    [
      'case',
      'Gatehouse',
      'of which script start',
      'Gatehouse worst',
      'peer: precompiled rules only',
      'ratio',
    ],
    rows,
  );
}

if (import.meta.url === `file://${process.argv[1]}`) await runWorkerStartBench();
