// Stand-ins for real sites (there is no DNS here), by request interception: a missed block shows the stand-in.
// The answers are the Chromium suite's (tests/e2e/stand-in.ts, tests/e2e/editor-pages.ts).
import type { HTTPRequest, Page } from 'puppeteer-core';
import { editorOrigins, editorResponse } from '../e2e/editor-pages';
import { standInResponse } from '../e2e/stand-in';

export interface Served {
  /** Hosts answered with the stand-in page (navigations) or `{ standIn: true }` (fetches). */
  standIns?: RegExp;
  extraHtml?: string;
  /** The editor fixture pages at the allowed AI hosts. */
  editors?: boolean;
}

/** Answers the page's requests (its frames' included); anything else goes to the network as usual. */
export async function serve(page: Page, served: Served): Promise<void> {
  await page.setRequestInterception(true);
  page.on('request', (request) => void answer(request, served));
}

async function answer(request: HTTPRequest, served: Served): Promise<void> {
  if (request.isInterceptResolutionHandled()) return;
  const url = request.url();
  try {
    if (served.editors && editorOrigins.some((origin) => url.startsWith(`${origin}/`))) {
      const { status, contentType, body } = await editorResponse(url);
      await request.respond({ status, ...(contentType ? { contentType } : {}), body: body ?? '' });
    } else if (served.standIns?.test(url)) {
      // Firefox's BiDi gives no resource type: frames and pages are navigations, the rest are fetches.
      await request.respond(standInResponse(!request.isNavigationRequest(), served.extraHtml));
    } else {
      await request.continue();
    }
  } catch (error) {
    // The request ended meanwhile: a DNR rule redirected or cancelled it, or its page closed. Anything
    // else is the harness's own failure and must show.
    if (!/no such request|closed|detached|no such frame/i.test(String(error))) console.error(error);
  }
}
