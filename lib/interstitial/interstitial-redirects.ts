// The interstitial loads a tab is owed: each redirect the background saw its rules make (or made itself)
// to the block or warn page, kept until that page asks for it once. Anything else that opens the pages
// (a web page linking to blocked.html#…, a reload) gets the details but records nothing.
import { z } from 'zod';
import { parseRequestUrl } from '../url/parse-request-url';
import { interstitialPages, type InterstitialPage } from './interstitial-info';

export const interstitialRedirectSchema = z.strictObject({
  page: z.enum(interstitialPages),
  /** The URL the tab was going to, as the browser reported it. */
  url: z.string().max(65_536),
  at: z.number(),
});
export type InterstitialRedirect = z.infer<typeof interstitialRedirectSchema>;

/** storage.session value: tab id → its redirects not yet shown, oldest first. */
export const interstitialRedirectsSchema = z.record(
  z.string().regex(/^\d+$/),
  z.array(interstitialRedirectSchema),
);
export type InterstitialRedirects = z.infer<typeof interstitialRedirectsSchema>;

/** A page that has not loaded this long after its redirect is not coming (the tab went elsewhere). */
export const redirectLifetimeMs = 5 * 60_000;
/** Per tab: a redirect chain or a user hammering reload never grows this without bound. */
const perTab = 8;

export function noteRedirect(
  redirects: InterstitialRedirects,
  tabId: number,
  redirect: InterstitialRedirect,
): InterstitialRedirects {
  const fresh = (redirects[tabId] ?? []).filter((r) => r.at > redirect.at - redirectLifetimeMs);
  return { ...redirects, [tabId]: [...fresh, redirect].slice(-perTab) };
}

/**
 * The redirect this page load stands for, taken out of `redirects`: same tab, same page, same host (the
 * page reads its URL back from the fragment, which the browser may have re-escaped).
 */
export function takeRedirect(
  redirects: InterstitialRedirects,
  tabId: number,
  page: InterstitialPage,
  url: string,
  now: number,
): { taken: InterstitialRedirect | null; rest: InterstitialRedirects } {
  const host = parseRequestUrl(url)?.host;
  const list = (redirects[tabId] ?? []).filter((r) => r.at > now - redirectLifetimeMs);
  const index =
    host === undefined
      ? -1
      : list.findLastIndex((r) => r.page === page && parseRequestUrl(r.url)?.host === host);
  const { [tabId]: _tab, ...others } = redirects;
  const remaining = index < 0 ? list : list.filter((_, i) => i !== index);
  return {
    taken: index < 0 ? null : list[index]!,
    rest: remaining.length ? { ...others, [tabId]: remaining } : others,
  };
}
