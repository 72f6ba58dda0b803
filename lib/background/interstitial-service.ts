// The background's side of the block and warn pages: details, events (only for the redirects the background
// observed), pending warns and Continue grants.
import { describeInterstitial } from '../interstitial/describe-interstitial';
import { accessRequestedEvent, decisionEvent } from '../log/decision-event';
import type { NewLogEvent } from '../log/event-schema';
import type { PendingWarns } from '../interstitial/pending-warn';
import { accessOffersItem, pendingWarnsItem } from '../browser/storage-items';
import type { AccessOffers } from '../interstitial/access-offer';
import { whatNext } from '../interstitial/what-next';
import type { ContinueResult, InterstitialInfo, InterstitialPage } from '../interstitial/interstitial-info';
import type { SenderTab } from '../messages';
import { compileGrantRules } from '../policy/compile-dnr-rules';
import type { TargetBrowser } from '../policy/dnr-resource-types';
import { parseRequestUrl } from '../url/parse-request-url';
import { decideCompiled } from '../policy/decide';
import { loadCompiledPolicy } from './current-policy';
import type { DnrApi } from '../browser/dnr-api';
import { grantAccess } from './grants';
import { takeInterstitialRedirect } from './observed-redirects';
import { recordEvent } from './record-event';

/**
 * Decides the original URL on the policy in force and describes it. Only a page load the background sent
 * the tab to (observed-redirects.ts) records the block or warning and gets a fresh nonce; a reload of that
 * warn page gets the nonce it already has; anything else (a web page opening the interstitial itself)
 * only sees the details.
 */
export async function openInterstitial(
  page: InterstitialPage,
  pageUrl: string,
  tab: SenderTab,
): Promise<InterstitialInfo> {
  const tabId = tab.id;
  const { compiled } = await loadCompiledPolicy();
  const observed = await takeInterstitialRedirect(tabId, page, pageUrl);
  const url = observed?.url ?? pageUrl;
  const decision = decideCompiled(url, compiled);
  const enforcedAction = decision.enforced ? decision.action : 'allow';
  let nonce: string | null = null;
  if (enforcedAction === 'warn' && page === 'warn') {
    const pending = (await pendingWarnsItem.load())[tabId];
    if (observed) {
      const issued = crypto.randomUUID();
      nonce = issued;
      await updatePending((all) => ({ ...all, [tabId]: { url, nonce: issued, issuedAt: Date.now() } }));
    } else if (pending && sameHost(pending.url, url)) nonce = pending.nonce;
  }
  // Only the page the browser's rule sent the user to is an event; a hand-typed mismatch is not.
  const stands =
    observed &&
    ((page === 'blocked' && enforcedAction === 'block') || (page === 'warn' && enforcedAction === 'warn'));
  if (stands)
    await recordEvent(
      inTab(tab, decisionEvent(page === 'blocked' ? 'blocked' : 'warned', decision, compiled, url)),
    );
  // A request-access link is offered (and a click on it logged) only on a page that stands for a decision;
  // a reload of that page keeps its offer, as a reloaded warn page keeps its nonce.
  let accessNonce: string | null = null;
  if (stands && whatNext(compiled, decision).requestAccess) {
    const issued = crypto.randomUUID();
    accessNonce = issued;
    const offer = { page, url, nonce: issued, requested: false };
    await updateOffers((offers) => ({ ...offers, [tabId]: offer }));
  } else if (!observed) {
    const offer = (await accessOffersItem.load())[tabId];
    if (offer && offer.page === page && offer.url === url) accessNonce = offer.nonce;
  }
  return describeInterstitial(page, url, compiled, decision, nonce, accessNonce);
}

/**
 * Request access was chosen on the page this tab shows: logged once per page shown, with the service,
 * host and rule the background decides for the address it showed (never what the page says).
 */
export async function requestAccess(
  tab: SenderTab,
  page: InterstitialPage,
  nonce: string,
): Promise<{ ok: boolean }> {
  const offer = (await accessOffersItem.load())[tab.id];
  if (!offer || offer.nonce !== nonce || offer.page !== page) return { ok: false };
  if (offer.requested) return { ok: true };
  await updateOffers((offers) => ({ ...offers, [tab.id]: { ...offer, requested: true } }));
  const { compiled } = await loadCompiledPolicy();
  const decision = decideCompiled(offer.url, compiled);
  await recordEvent(inTab(tab, accessRequestedEvent(decision, compiled, offer.url, page)));
  return { ok: true };
}

/** Continue: only for the warning this tab was shown, with its nonce, and still a warning under the policy. */
export async function continueToService(
  dnr: DnrApi,
  browser: TargetBrowser,
  tab: SenderTab,
  nonce: string,
  justification: string,
): Promise<ContinueResult> {
  const tabId = tab.id;
  const pending = (await pendingWarnsItem.load())[tabId];
  if (!pending || pending.nonce !== nonce) return { ok: false, error: 'no warning is pending for this tab' };
  const { compiled } = await loadCompiledPolicy();
  const decision = decideCompiled(pending.url, compiled);
  if (decision.action !== 'warn' || !decision.enforced) {
    await removePending(tabId);
    return { ok: false, error: 'the policy no longer warns for this address' };
  }
  const reason = justification.trim();
  if (decision.options?.requireJustification && !reason)
    return { ok: false, error: 'a justification is required' };
  const grants = compileGrantRules(compiled, decision, tabId, browser);
  await grantAccess(
    dnr,
    tabId,
    { service: decision.service?.id ?? null, rule: decision.rule },
    grants,
    decision.options?.bypassMinutes ?? 60,
  );
  await removePending(tabId);
  await recordEvent(inTab(tab, decisionEvent('continued', decision, compiled, pending.url, reason)));
  return { ok: true, url: pending.url };
}

export async function goBack(tab: SenderTab, nonce: string): Promise<{ ok: boolean }> {
  const pending = (await pendingWarnsItem.load())[tab.id];
  if (!pending || pending.nonce !== nonce) return { ok: false };
  const { compiled } = await loadCompiledPolicy();
  await removePending(tab.id);
  const decision = decideCompiled(pending.url, compiled);
  await recordEvent(inTab(tab, decisionEvent('went_back', decision, compiled, pending.url)));
  return { ok: true };
}

function sameHost(a: string, b: string): boolean {
  const host = parseRequestUrl(a)?.host;
  return host !== undefined && host === parseRequestUrl(b)?.host;
}

/** The event as seen in the tab the page runs in: incognito comes from the browser, not the page. */
function inTab(tab: SenderTab, event: NewLogEvent): NewLogEvent {
  return { ...event, incognito: tab.incognito };
}

export async function forgetTab(tabId: number): Promise<void> {
  if ((await pendingWarnsItem.load())[tabId]) await removePending(tabId);
  if ((await accessOffersItem.load())[tabId]) await updateOffers(({ [tabId]: _removed, ...rest }) => rest);
}

async function updateOffers(change: (offers: AccessOffers) => AccessOffers): Promise<void> {
  await accessOffersItem.write(change(await accessOffersItem.load()));
}

async function updatePending(change: (pending: PendingWarns) => PendingWarns): Promise<void> {
  await pendingWarnsItem.write(change(await pendingWarnsItem.load()));
}

function removePending(tabId: number): Promise<void> {
  return updatePending((pending) => {
    const { [tabId]: _removed, ...rest } = pending;
    return rest;
  });
}
