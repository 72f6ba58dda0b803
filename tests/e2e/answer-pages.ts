// Chat pages that answer like the AI services render answers (tests/fixtures/answers): served at the real
// hosts beside the editor pages, with a fake service behind them that records every request body the page
// sends and answers by echoing the prompt's placeholders in markdown (lists, a table, a code block).
import type { BrowserContext, Page } from '@playwright/test';
import { build } from 'esbuild';
import path from 'node:path';
import type { EditorName } from './editor-pages';

export type AnswerStyle = 'chatgpt' | 'claude' | 'gemini' | 'perplexity';

/** Where each answer page lives, and how it renders (the file in tests/fixtures/answers). */
export const answerPages: Record<AnswerStyle, { url: string; editor: EditorName; rendering: string }> = {
  chatgpt: {
    url: 'https://chatgpt.com/__answers/chat',
    editor: 'prosemirror',
    rendering: 'virtual DOM (Preact) re-rendering the markdown per chunk, text nodes updated in place',
  },
  claude: {
    url: 'https://claude.ai/__answers/chat',
    editor: 'prosemirror',
    rendering: 'a read-only ProseMirror view, a new document per chunk',
  },
  gemini: {
    url: 'https://gemini.google.com/__answers/chat',
    editor: 'quill',
    rendering: 'innerHTML of the whole answer re-rendered per chunk',
  },
  perplexity: {
    url: 'https://www.perplexity.ai/__answers/chat',
    editor: 'lexical',
    rendering: 'each chunk appended in its own span, never re-rendered',
  },
};

export interface ChatMessage {
  role: 'user' | 'assistant';
  content: string;
}

/** The fake service: the bodies the page sent, and the conversation it keeps (shown again on reload). */
export interface FakeService {
  bodies: string[];
  messages: ChatMessage[];
}

const placeholderPattern = /\[[A-Z_]+_\d+\]/g;

/** The answer: the prompt's numbered placeholders in a paragraph, a list, a table and a code block. */
export function echoAnswer(prompt: string): string {
  const found = [...new Set(prompt.match(placeholderPattern) ?? [])];
  const first = found[0] ?? '[nobody]';
  return [
    `Here is a draft for **${first}**, as you asked.`,
    '',
    ...found.map((p, i) => `${i + 1}. Confirm ${p} with the team`),
    '',
    '| Field | Value |',
    '| --- | --- |',
    ...found.map((p) => `| ${p.slice(1, p.lastIndexOf('_'))} | ${p} |`),
    '',
    '```js',
    ...found.map((p) => `await send("${p}");`),
    '```',
    '',
    `I also made up [EMAIL_99], which you never wrote. Reply to ${first} today.`,
  ].join('\n');
}

let bundles: Promise<Record<AnswerStyle, string>> | undefined;

function answerBundles(): Promise<Record<AnswerStyle, string>> {
  bundles ??= Promise.all(
    (Object.keys(answerPages) as AnswerStyle[]).map(async (name) => {
      const result = await build({
        entryPoints: [path.resolve('tests/fixtures/answers', `${name}.ts`)],
        bundle: true,
        write: false,
        format: 'iife',
        target: 'chrome120',
        jsx: 'automatic',
        jsxImportSource: 'preact',
        logLevel: 'silent',
      });
      return [name, result.outputFiles[0]!.text] as const;
    }),
  ).then((entries) => Object.fromEntries(entries) as Record<AnswerStyle, string>);
  return bundles;
}

function pageHtml(style: AnswerStyle): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${style} answers</title>
<style>
body { font: 15px/1.5 system-ui, sans-serif; margin: 16px; }
.message { margin: 8px 0; padding: 6px 10px; border: 1px solid #ddd; border-radius: 6px; }
.user { background: #f3f4f6; }
table { border-collapse: collapse; } td, th { border: 1px solid #999; padding: 2px 6px; }
#editor { min-height: 3em; border: 1px solid #999; }
</style></head>
<body><main id="conversation"></main><div id="composer"><div id="editor"></div></div>
<script src="/__answers/${style}.js"></script></body></html>`;
}

/**
 * Serves the four answer pages (call after serveEditorPages: these routes take their own paths and leave
 * the rest to it). `answer` makes the service's reply from the prompt.
 */
export async function serveAnswerPages(
  context: BrowserContext,
  answer: (prompt: string) => string = echoAnswer,
): Promise<Record<AnswerStyle, FakeService>> {
  const code = await answerBundles();
  const services = {} as Record<AnswerStyle, FakeService>;
  for (const style of Object.keys(answerPages) as AnswerStyle[]) {
    const service: FakeService = { bodies: [], messages: [] };
    services[style] = service;
    const origin = new URL(answerPages[style].url).origin;
    await context.route(`${origin}/**`, async (route) => {
      const url = new URL(route.request().url());
      if (url.pathname === `/__answers/${style}.js`)
        return route.fulfill({ contentType: 'text/javascript', body: code[style] });
      if (url.pathname === '/__answers/chat')
        return route.fulfill({ contentType: 'text/html', body: pageHtml(style) });
      if (url.pathname === '/backend-api/conversation') {
        const request = route.request();
        if (request.method() === 'POST') {
          const body = request.postData() ?? '';
          service.bodies.push(body);
          const { messages } = JSON.parse(body) as { messages: ChatMessage[] };
          const reply = answer(messages.at(-1)?.content ?? '');
          service.messages = [...messages, { role: 'assistant', content: reply }];
          return route.fulfill({ contentType: 'application/json', body: JSON.stringify({ answer: reply }) });
        }
        return route.fulfill({
          contentType: 'application/json',
          body: JSON.stringify({ messages: service.messages }),
        });
      }
      return route.fallback();
    });
  }
  return services;
}

export async function openAnswerPage(page: Page, style: AnswerStyle): Promise<void> {
  await page.goto(answerPages[style].url);
  await page.waitForFunction(() => document.documentElement.dataset['historyLoaded'] === 'true');
  await page.waitForFunction((name) => Boolean(window.fixtureEditors?.[name]), answerPages[style].editor);
  await page.locator(`[data-fixture-editor="${answerPages[style].editor}"]`).click();
}

/** What the page shows as its last answer (DOM text: restored where the extension restored). */
export function lastAnswerText(page: Page): Promise<string> {
  return page.locator('.message.assistant').last().innerText();
}

export function answersDone(page: Page): Promise<number> {
  return page.evaluate(() => (window as unknown as { answersDone: number }).answersDone);
}

export function pageModel(page: Page): Promise<ChatMessage[]> {
  return page.evaluate(
    () => (window as unknown as { chatModel: { messages: ChatMessage[] } }).chatModel.messages,
  );
}
