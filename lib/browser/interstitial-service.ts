// The background's side of the block and warn pages: details, events, pending warns and Continue grants.
import browser from 'webextension-polyfill';
import { decisionEvent, describeInterstitial } from '../interstitial/describe-interstitial';
import type { NewLogEvent } from '../log/event-schema';
import { pendingWarnsSchema, type PendingWarns } from '../interstitial/pending-warn';
import type { ContinueResult, InterstitialInfo, InterstitialPage, SenderTab } from '../messages';
import { compileGrantRules } from '../policy/compile-dnr-rules';
import { decideCompiled } from '../policy/decide';
import { readCompiledPolicy } from './active-policy-store';
import type { DnrApi } from './dnr-api';
import { grantAccess } from './grants';
import { recordEvent } from './record-event';

const pendingKey = 'pendingWarns';

/** Decides the original URL on the policy in force; records the block or warning; a warn gets a nonce. */
export async function openInterstitial(
  page: InterstitialPage,
  url: string,
  tab: SenderTab,
): Promise<InterstitialInfo> {
  const tabId = tab.id;
  const { compiled } = await readCompiledPolicy();
  const decision = decideCompiled(url, compiled);
  const enforcedAction = decision.enforced ? decision.action : 'allow';
  let nonce: string | null = null;
  if (enforcedAction === 'warn' && page === 'warn') {
    nonce = crypto.randomUUID();
    await updatePending((pending) => ({ ...pending, [tabId]: { url, nonce: nonce!, issuedAt: Date.now() } }));
  }
  // Only the page the browser's rule sent the user to is an event; a hand-typed mismatch is not.
  if (page === 'blocked' && enforcedAction === 'block') {
    await recordEvent(inTab(tab, decisionEvent('blocked', decision, compiled, url)));
  } else if (page === 'warn' && enforcedAction === 'warn') {
    await recordEvent(inTab(tab, decisionEvent('warned', decision, compiled, url)));
  }
  return describeInterstitial(page, url, compiled, decision, nonce);
}

/** Continue: only for the warning this tab was shown, with its nonce, and still a warning under the policy. */
export async function continueToService(
  dnr: DnrApi,
  tab: SenderTab,
  nonce: string,
  justification: string,
): Promise<ContinueResult> {
  const tabId = tab.id;
  const pending = (await readPending())[tabId];
  if (!pending || pending.nonce !== nonce) return { ok: false, error: 'no warning is pending for this tab' };
  const { compiled } = await readCompiledPolicy();
  const decision = decideCompiled(pending.url, compiled);
  if (decision.action !== 'warn' || !decision.enforced) {
    await removePending(tabId);
    return { ok: false, error: 'the policy no longer warns for this address' };
  }
  const reason = justification.trim();
  if (decision.options?.requireJustification && !reason)
    return { ok: false, error: 'a justification is required' };
  const grants = compileGrantRules(compiled, decision, tabId);
  await grantAccess(dnr, tabId, grants, decision.options?.bypassMinutes ?? 60);
  await removePending(tabId);
  await recordEvent(inTab(tab, decisionEvent('continued', decision, compiled, pending.url, reason)));
  return { ok: true, url: pending.url };
}

export async function goBack(tab: SenderTab, nonce: string): Promise<{ ok: boolean }> {
  const pending = (await readPending())[tab.id];
  if (!pending || pending.nonce !== nonce) return { ok: false };
  const { compiled } = await readCompiledPolicy();
  await removePending(tab.id);
  const decision = decideCompiled(pending.url, compiled);
  await recordEvent(inTab(tab, decisionEvent('went_back', decision, compiled, pending.url)));
  return { ok: true };
}

/** The event as seen in the tab the page runs in: incognito comes from the browser, not the page. */
function inTab(tab: SenderTab, event: NewLogEvent): NewLogEvent {
  return { ...event, incognito: tab.incognito };
}

export async function forgetTab(tabId: number): Promise<void> {
  if ((await readPending())[tabId]) await removePending(tabId);
}

async function readPending(): Promise<PendingWarns> {
  const parsed = pendingWarnsSchema.safeParse((await browser.storage.session.get(pendingKey))[pendingKey]);
  return parsed.success ? parsed.data : {};
}

async function updatePending(change: (pending: PendingWarns) => PendingWarns): Promise<void> {
  await browser.storage.session.set({ [pendingKey]: change(await readPending()) });
}

function removePending(tabId: number): Promise<void> {
  return updatePending((pending) => {
    const { [tabId]: _removed, ...rest } = pending;
    return rest;
  });
}
