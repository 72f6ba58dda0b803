// Registers the input guard's content script for the hosts the policy in force guards, and injects it into
// the tabs already open on them.
import browser from 'webextension-polyfill';
import { guardMatchPatterns } from '../guard/match-patterns';
import type { CompiledPolicy } from '../policy/compile-policy';

const scriptId = 'gatehouse-input-guard';
const scriptFile = 'content-scripts/input-guard.js';
/** The id earlier versions registered under: removed on sync, should the browser have kept it. */
const retiredScriptIds = ['gatehouse-paste-guard'];

let registering: Promise<void> = Promise.resolve();

/** (Re-)registers the content script for the active policy; calls are serialised. */
export function syncInputGuardScript(compiled: CompiledPolicy): Promise<void> {
  registering = registering.catch(() => undefined).then(() => register(guardMatchPatterns(compiled)));
  return registering;
}

async function register(matches: string[]): Promise<void> {
  const ids = [scriptId, ...retiredScriptIds];
  const existing = await browser.scripting.getRegisteredContentScripts({ ids });
  if (existing.length > 0)
    await browser.scripting.unregisterContentScripts({ ids: existing.map((s) => s.id) });
  if (matches.length === 0) return;
  await browser.scripting.registerContentScripts([
    {
      id: scriptId,
      js: [scriptFile],
      matches,
      allFrames: true,
      // about:blank and srcdoc frames inherit their creator's origin: guard them too.
      matchOriginAsFallback: true,
      runAt: 'document_start',
      world: 'ISOLATED',
      persistAcrossSessions: true,
    },
  ]);
  // Registered scripts only reach pages loaded from now on: guard the tabs already open as well.
  const tabs = await browser.tabs.query({ url: matches });
  await Promise.all(
    tabs.map(
      (tab) =>
        tab.id === undefined
          ? undefined
          : browser.scripting
              .executeScript({ target: { tabId: tab.id, allFrames: true }, files: [scriptFile] })
              .catch(() => undefined), // a tab showing an error page or still loading cannot take scripts
    ),
  );
}
