// Fixture pages built from the real editor libraries, served at the real AI hosts with context.route.
import type { BrowserContext, Page } from '@playwright/test';
import { build } from 'esbuild';
import path from 'node:path';
import { guardFixturePages } from './guard-fixture-pages';
import { extensionPage } from './stand-in';

export type EditorName =
  'prosemirror' | 'lexical' | 'textarea' | 'input' | 'contenteditable' | 'quill' | 'codemirror';

const bundleNames = ['prosemirror', 'lexical', 'plain'] as const;
type BundleName = (typeof bundleNames)[number];

/** Where each editor lives, at the hosts of allowed (US-jurisdiction) services in the catalog. */
export const editorPages: Record<EditorName, { url: string; bundle: BundleName }> = {
  prosemirror: { url: 'https://chatgpt.com/', bundle: 'prosemirror' },
  lexical: { url: 'https://www.perplexity.ai/', bundle: 'lexical' },
  textarea: { url: 'https://gemini.google.com/app', bundle: 'plain' },
  input: { url: 'https://gemini.google.com/app', bundle: 'plain' },
  contenteditable: { url: 'https://gemini.google.com/app', bundle: 'plain' },
  quill: { url: 'https://gemini.google.com/app', bundle: 'plain' },
  codemirror: { url: 'https://gemini.google.com/app', bundle: 'plain' },
};
export const claudeUrl = 'https://claude.ai/new';

/**
 * Every editor fixture, as the specs iterate them: label, editor, and the page when it is not the editor's
 * own. `inputLabel` names the single-line input (the send specs submit its form).
 */
export function editorCases(inputLabel = 'input'): [label: string, editor: EditorName, url?: string][] {
  return [
    ['textarea', 'textarea'],
    [inputLabel, 'input'],
    ['plain contenteditable', 'contenteditable'],
    ['ProseMirror at chatgpt.com', 'prosemirror'],
    ['ProseMirror at claude.ai', 'prosemirror', claudeUrl],
    ['Lexical at www.perplexity.ai', 'lexical'],
    ['Quill', 'quill'],
    ['CodeMirror 6', 'codemirror'],
  ];
}

let bundles: Promise<Record<BundleName, string>> | undefined;

/** Bundles tests/fixtures/editors/*.ts once per test run. */
function editorBundles(): Promise<Record<BundleName, string>> {
  bundles ??= Promise.all(
    bundleNames.map(async (name) => {
      const result = await build({
        entryPoints: [path.resolve('tests/fixtures/editors', `${name}.ts`)],
        bundle: true,
        write: false,
        format: 'iife',
        target: 'chrome120',
        logLevel: 'silent',
      });
      return [name, result.outputFiles[0]!.text] as const;
    }),
  ).then((entries) => Object.fromEntries(entries) as Record<BundleName, string>);
  return bundles;
}

/**
 * The page registers its own paste and drop listeners before anything else runs on it (capture phase,
 * on window) and records what they saw: the guard must keep the original from them.
 */
const pageListener = `<script>
window.seenByPage = [];
for (const type of ['paste', 'drop']) {
  window.addEventListener(type, (e) => {
    const t = e.clipboardData || e.dataTransfer;
    window.seenByPage.push(type + ':' + (t ? t.getData('text/plain') + '|' + t.getData('text/html') : ''));
  }, true);
}
</script>`;

function pageHtml(bundle: BundleName): string {
  const body =
    bundle === 'plain'
      ? `<form id="textarea-form"><textarea id="textarea" rows="4" cols="60"></textarea></form>
<form id="input-form"><input id="input" size="60"><button type="submit" id="input-submit">Go</button></form>
<div id="contenteditable" contenteditable="true" style="min-height:3em;border:1px solid #999"></div>
<div id="quill" style="min-height:3em"></div>
<div id="codemirror" style="min-height:3em;border:1px solid #999"></div>`
      : `<div id="editor" style="min-height:6em;border:1px solid #999"></div>`;
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${bundle}</title>${pageListener}</head>
<body><p id="source">Drag source</p>${body}<script src="/__fixture/${bundle}.js"></script></body></html>`;
}

export interface FixtureResponse {
  status: number;
  contentType?: string;
  body?: string;
}

const fixturePages = new Map<string, BundleName>([
  ...Object.values(editorPages).map((p) => [p.url, p.bundle] as const),
  [claudeUrl, 'prosemirror'],
]);

/** The origins the fixture pages are served at (every request to them is answered by `editorResponse`). */
export const editorOrigins: string[] = [...new Set([...fixturePages.keys()].map((u) => new URL(u).origin))];

/** The answer to a request at one of `editorOrigins`: a fixture page, its script, or an empty 204. */
export async function editorResponse(requestUrl: string): Promise<FixtureResponse> {
  const code = await editorBundles();
  const url = new URL(requestUrl);
  const script = /^\/__fixture\/(\w+)\.js$/.exec(url.pathname)?.[1] as BundleName | undefined;
  if (script && script in code) {
    return { status: 200, contentType: 'text/javascript', body: code[script] };
  }
  const fixture = guardFixturePages[url.pathname];
  if (fixture) return { status: 200, contentType: 'text/html', body: fixture };
  if (url.pathname === '/__fixture/framed') {
    // A cross-origin child frame on another guarded host, holding a plain field.
    return {
      status: 200,
      contentType: 'text/html',
      body: `<!doctype html><title>framed</title>${pageListener}<iframe id="child" src="${editorPages.lexical.url}__fixture/field" style="width:600px;height:200px"></iframe>`,
    };
  }
  if (url.pathname === '/__fixture/field') {
    return {
      status: 200,
      contentType: 'text/html',
      body: `<!doctype html><title>field</title>${pageListener}<textarea id="field" rows="3" cols="60"></textarea>`,
    };
  }
  const bundle = fixturePages.get(`${url.origin}${url.pathname}`);
  if (bundle) return { status: 200, contentType: 'text/html', body: pageHtml(bundle) };
  return { status: 204 };
}

/** Serves every fixture page; any other request to these hosts gets an empty 204. */
export async function serveEditorPages(context: BrowserContext): Promise<void> {
  await editorBundles();
  for (const origin of editorOrigins) {
    await context.route(`${origin}/**`, async (route) =>
      route.fulfill(await editorResponse(route.request().url())),
    );
  }
}

/** Waits until the background has registered the input-guard content script (read from an extension page:
 * Playwright can miss an MV3 worker that started before it attached). */
export async function waitForPasteGuard(context: BrowserContext): Promise<void> {
  const page = await extensionPage(context);
  await page.evaluate(waitForPasteGuardScript);
  await page.close();
}

/**
 * Runs in an extension page (passed to `evaluate` by both e2e suites, so it must not use anything from its
 * module): resolves once the background has registered the paste-guard content script.
 */
export async function waitForPasteGuardScript(): Promise<void> {
  for (let i = 0; i < 100; i++) {
    const scripts = await chrome.scripting.getRegisteredContentScripts();
    if (scripts.some((s) => s.id === 'gatehouse-input-guard')) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('the input-guard content script was never registered');
}

export async function openEditor(
  page: Page,
  editor: EditorName,
  url = editorPages[editor].url,
): Promise<void> {
  await page.goto(url);
  await page.waitForFunction((name) => Boolean(window.fixtureEditors?.[name]), editor);
  await page.locator(`[data-fixture-editor="${editor}"]`).click();
}

export function editorText(page: Page, editor: EditorName): Promise<string> {
  // A trailing space typed into a contenteditable is stored as a no-break space.
  return page.evaluate((name) => window.fixtureEditors[name]!.text().replace(/\u00a0/g, ' '), editor);
}

/** Puts text (and optionally HTML) on the real system clipboard, then pastes with the keyboard. */
export async function pasteWithKeyboard(page: Page, text: string, html?: string): Promise<void> {
  await page.evaluate(writeClipboard, { text, html });
  await page.keyboard.press('Control+V');
}

/**
 * Runs in the page (passed to `evaluate` by both e2e suites, so it must not use anything from its module):
 * puts text, and HTML when given, on the system clipboard.
 */
export async function writeClipboard({
  text,
  html,
}: {
  text: string;
  html: string | undefined;
}): Promise<void> {
  if (html === undefined) return navigator.clipboard.writeText(text);
  await navigator.clipboard.write([
    new ClipboardItem({
      'text/plain': new Blob([text], { type: 'text/plain' }),
      'text/html': new Blob([html], { type: 'text/html' }),
    }),
  ]);
}

export async function grantClipboard(context: BrowserContext): Promise<void> {
  for (const origin of editorOrigins) {
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
  }
}
