// Accessibility checks with axe-core (@axe-core/playwright): the WCAG 2.2 A/AA rules and axe's best
// practices, failing on serious and critical violations. The paste notice lives in a closed shadow root
// that no script can enter, so its markup is read through the DevTools protocol and checked in a copy.
import AxeBuilder from '@axe-core/playwright';
import type { BrowserContext, Page } from '@playwright/test';
import { test } from '@playwright/test';

const tags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

export interface AxeSummary {
  /** "rule: target, target" per serious or critical violation: the test expects none. */
  blocking: string[];
  /** Every violation by impact, for the record. */
  counts: Record<string, number>;
  passes: number;
}

/** Runs axe on the page (or on `include` only) and records the result as a test annotation. */
export async function checkAccessibility(page: Page, label: string, include?: string): Promise<AxeSummary> {
  let builder = new AxeBuilder({ page }).withTags(tags);
  if (include) builder = builder.include(include);
  const results = await builder.analyze();
  const counts: Record<string, number> = {};
  for (const v of results.violations)
    counts[v.impact ?? 'unknown'] = (counts[v.impact ?? 'unknown'] ?? 0) + 1;
  const summary = {
    blocking: results.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
    counts,
    passes: results.passes.length,
  };
  const minor = results.violations.filter((v) => v.impact !== 'serious' && v.impact !== 'critical');
  test.info().annotations.push({
    type: `axe: ${label}`,
    description: `${summary.passes} rules passed; violations: ${JSON.stringify(counts)}${
      minor.length ? ` (${minor.map((v) => `${v.id}/${v.impact}`).join(', ')})` : ''
    }`,
  });
  return summary;
}

interface DomNode {
  backendNodeId: number;
  localName?: string;
  children?: DomNode[];
  shadowRoots?: DomNode[];
}

function findNode(node: DomNode, localName: string): DomNode | null {
  if (node.localName === localName) return node;
  for (const child of [...(node.shadowRoots ?? []), ...(node.children ?? [])]) {
    const found = findNode(child, localName);
    if (found) return found;
  }
  return null;
}

/** The inner HTML of the paste notice's closed shadow root (its style sheet included), or null. */
export async function noticeMarkup(page: Page): Promise<string | null> {
  const session = await page.context().newCDPSession(page);
  try {
    const { root } = (await session.send('DOM.getDocument', { depth: -1, pierce: true })) as {
      root: DomNode;
    };
    const host = findNode(root, 'gatehouse-paste-notice');
    const shadow = host?.shadowRoots?.[0];
    if (!shadow) return null;
    const { object } = await session.send('DOM.resolveNode', { backendNodeId: shadow.backendNodeId });
    const { result } = await session.send('Runtime.callFunctionOn', {
      objectId: object.objectId!,
      functionDeclaration: 'function () { return this.innerHTML; }',
      returnByValue: true,
    });
    return result.value as string;
  } finally {
    await session.detach();
  }
}

/**
 * A page holding a copy of the notice in an (open) shadow root, on a plain page of the given colour
 * scheme: axe checks the copy's markup, names, roles and contrast exactly as the notice has them.
 */
export async function noticeCopyPage(context: BrowserContext, markup: string, scheme: 'light' | 'dark') {
  const page = await context.newPage();
  await page.emulateMedia({ colorScheme: scheme });
  await page.setContent(
    '<!doctype html><html lang="en"><head><title>Notice copy</title></head>' +
      '<body><main><h1>An AI service</h1><textarea aria-label="Prompt"></textarea></main>' +
      '<gatehouse-paste-notice id="notice"></gatehouse-paste-notice></body></html>',
  );
  await page.evaluate((html) => {
    document.getElementById('notice')!.attachShadow({ mode: 'open' }).innerHTML = html;
  }, markup);
  return page;
}
