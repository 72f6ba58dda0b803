// Registers the input guard's content script for the hosts the policy in force guards, and injects it into
// the tabs already open on them.
import browser from 'webextension-polyfill';
import { guardMatchPatterns } from '../guard/match-patterns';
import type { CompiledPolicy } from '../policy/compile-policy';

const scriptId = 'gatehouse-input-guard';
const scriptFile = 'content-scripts/input-guard.js';
/** The half in the page's own world (clipboard reads, detached file inputs): lib/content/main-world.ts. */
const mainWorldId = 'gatehouse-main-world';
const mainWorldFile = 'content-scripts/main-world.js';
/** The id earlier versions registered under: removed on sync, should the browser have kept it. */
const retiredScriptIds = ['gatehouse-paste-guard'];

let registering: Promise<void> = Promise.resolve();

/** (Re-)registers the content script for the active policy; calls are serialised. */
export function syncInputGuardScript(compiled: CompiledPolicy): Promise<void> {
  registering = registering.catch(() => undefined).then(() => register(guardMatchPatterns(compiled)));
  return registering;
}

async function register(matches: string[]): Promise<void> {
  const ids = [scriptId, mainWorldId, ...retiredScriptIds];
  const existing = await browser.scripting.getRegisteredContentScripts({ ids });
  if (existing.length > 0)
    await browser.scripting.unregisterContentScripts({ ids: existing.map((s) => s.id) });
  if (matches.length === 0) return;
  const common = {
    matches,
    allFrames: true,
    // about:blank and srcdoc frames inherit their creator's origin: guard them too.
    matchOriginAsFallback: true,
    runAt: 'document_start' as const,
    persistAcrossSessions: true,
  };
  await browser.scripting.registerContentScripts([
    // The main-world script first: it must wrap the page's APIs before any page script runs.
    { id: mainWorldId, js: [mainWorldFile], world: 'MAIN', ...common },
    { id: scriptId, js: [scriptFile], world: 'ISOLATED', ...common },
  ]);
  // Registered scripts only reach pages loaded from now on: guard the tabs already open as well.
  const tabs = await browser.tabs.query({ url: matches });
  await Promise.all(
    tabs.map(
      (tab) => (tab.id === undefined ? undefined : injectInto(tab.id).catch(() => undefined)), // a tab showing an error page or still loading cannot take scripts
    ),
  );
}

/**
 * A tab opened before the guard arrived: both halves, the isolated one knowing it came late (the page's
 * own listeners run before its own) and holding pastes until the user reloads (late-injection.ts).
 */
async function injectInto(tabId: number): Promise<void> {
  const target = { tabId, allFrames: true };
  await browser.scripting.executeScript({ target, files: [mainWorldFile], world: 'MAIN' });
  await browser.scripting.executeScript({ target, files: [scriptFile] });
}
