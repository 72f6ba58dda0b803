// Reading and clicking pages the way the Chromium suite's locators do. Everything goes through
// page.evaluate with plain values: Puppeteer's element handles and query helpers fail on moz-extension://
// pages ("Not allowed to define cross-origin object as property on [Object] or [Array] XrayWrapper").
import type { Frame, Page } from 'puppeteer-core';

/** The text of the first element matching the selector, or '' while there is none. */
export async function textOf(where: Page | Frame, selector: string): Promise<string> {
  return where
    .evaluate((selector) => {
      const element = document.querySelector<HTMLElement>(selector);
      return element ? element.innerText : '';
    }, selector)
    .catch(() => '');
}

/** How many elements match the selector (0 while the page is still loading). */
export async function countOf(where: Page | Frame, selector: string): Promise<number> {
  return where.evaluate((selector) => document.querySelectorAll(selector).length, selector).catch(() => 0);
}

/** The element that has the focus, as its tag and text (e.g. "BUTTON Continue"). */
export async function focused(page: Page): Promise<string> {
  return page
    .evaluate(() => {
      const active = document.activeElement as HTMLElement | null;
      return active ? `${active.tagName} ${active.innerText ?? ''}`.trim() : '';
    })
    .catch(() => '');
}

/** Clicks the element (first match of `selector` whose text is `label`, when given) with the mouse: a trusted click. */
export async function click(page: Page, selector: string, label?: string): Promise<void> {
  for (let attempt = 0; attempt < 100; attempt++) {
    const box = await page
      .evaluate(
        (selector, label) => {
          const element = [...document.querySelectorAll<HTMLElement>(selector)].find(
            (e) => label === null || e.innerText.trim() === label,
          );
          if (!element) return null;
          element.scrollIntoView({ block: 'center' });
          const rect = element.getBoundingClientRect();
          return { x: rect.x + rect.width / 2, y: rect.y + rect.height / 2 };
        },
        selector,
        label ?? null,
      )
      .catch(() => null);
    if (box) {
      await page.mouse.click(box.x, box.y);
      return;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`nothing to click at ${selector}${label ? ` "${label}"` : ''}`);
}

/** Clicks the button labelled `label`. */
export function clickButton(page: Page, label: string): Promise<void> {
  return click(page, 'button', label);
}

/** Polls until `fn` returns a truthy value and returns it (expect.poll checks a value but returns none). */
export async function until<T>(
  fn: () => T | Promise<T>,
  what: string,
  timeoutMs = 10_000,
): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await fn();
    if (value) return value as NonNullable<T>;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
