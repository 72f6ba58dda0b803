// Stand-ins for real sites (there is no DNS here): a missed block shows up as this content.
import type { BrowserContext, Page, Worker } from '@playwright/test';
import { readFileSync } from 'node:fs';

export const standInText = 'STAND-IN CONTENT';

/** What a stand-in answers: a JSON body to fetches, a small page (with `extraHtml`) to everything else. */
export function standInResponse(
  fetch: boolean,
  extraHtml = '',
): { status: number; headers: Record<string, string>; contentType: string; body: string } {
  return {
    status: 200,
    headers: { 'access-control-allow-origin': '*' },
    contentType: fetch ? 'application/json' : 'text/html',
    body: fetch
      ? JSON.stringify({ standIn: true })
      : `<!doctype html><title>stand-in</title><h1>${standInText}</h1>${extraHtml}`,
  };
}

/** Serves a small page (and a JSON body for fetches) for every URL matching the pattern. */
export async function standIn(
  context: BrowserContext,
  pattern: string | RegExp,
  extraHtml = '',
): Promise<void> {
  await context.route(pattern, (route) => {
    const type = route.request().resourceType();
    return route.fulfill(standInResponse(type === 'fetch' || type === 'xhr', extraHtml));
  });
}

/** Waits until the background has put a policy in force (optionally a particular one). */
export async function policyInForce(where: Worker | Page, name?: string, source?: string): Promise<void> {
  await (where as Page).evaluate(waitForPolicyInForce, { name, source });
}

/**
 * Runs in an extension page or the worker (passed to `evaluate` by both e2e suites, so it must not use
 * anything from its module): resolves once the policy is stored as in force and its rules are installed.
 */
export async function waitForPolicyInForce({
  name,
  source,
}: {
  name: string | undefined;
  source: string | undefined;
}): Promise<void> {
  for (let i = 0; i < 200; i++) {
    const { activePolicy } = (await chrome.storage.local.get('activePolicy')) as {
      activePolicy?: { source: string; policy: { name: string } };
    };
    const rules = await chrome.declarativeNetRequest.getDynamicRules();
    if (
      activePolicy &&
      (name === undefined || activePolicy.policy.name === name) &&
      (source === undefined || activePolicy.source === source) &&
      (rules.length > 0 || name !== undefined)
    )
      return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`policy ${name ?? '(any)'} from ${source ?? '(any source)'} was not put in force`);
}

/** The pinned development id (keys/dev-extension.json). */
export const extensionId = (JSON.parse(readFileSync('keys/dev-extension.json', 'utf8')) as { id: string }).id;

/**
 * An extension page to call chrome.* from. Playwright sometimes misses an MV3 service worker that
 * started before it attached, so the tests do not depend on seeing the worker.
 */
export async function extensionPage(context: BrowserContext): Promise<Page> {
  const page = await context.newPage();
  // Until the extension has loaded, its URLs are refused with ERR_BLOCKED_BY_CLIENT.
  for (let attempt = 0; ; attempt++) {
    try {
      await page.goto(`chrome-extension://${extensionId}/blocked.html`);
      return page;
    } catch (error) {
      if (attempt >= 50) throw error;
      await new Promise((r) => setTimeout(r, 200));
    }
  }
}
