// Stand-ins for real sites (there is no DNS here): a missed block shows up as this content.
import type { BrowserContext, Page, Worker } from '@playwright/test';
import { readFileSync } from 'node:fs';

export const standInText = 'STAND-IN CONTENT';

/** Serves a small page (and a JSON body for fetches) for every URL matching the pattern. */
export async function standIn(
  context: BrowserContext,
  pattern: string | RegExp,
  extraHtml = '',
): Promise<void> {
  await context.route(pattern, (route) => {
    const json = route.request().resourceType() === 'fetch' || route.request().resourceType() === 'xhr';
    return route.fulfill({
      status: 200,
      headers: { 'access-control-allow-origin': '*' },
      contentType: json ? 'application/json' : 'text/html',
      body: json
        ? JSON.stringify({ standIn: true })
        : `<!doctype html><title>stand-in</title><h1>${standInText}</h1>${extraHtml}`,
    });
  });
}

/** Waits until the background has put a policy in force (optionally a particular one). */
export async function policyInForce(where: Worker | Page, name?: string, source?: string): Promise<void> {
  await (where as Page).evaluate(
    async ({ name, source }: { name: string | undefined; source: string | undefined }) => {
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
    },
    { name, source },
  );
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
