import type { WebRequest } from 'webextension-polyfill';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { watchBlockedRequests } from '../../lib/background/blocked-requests';
import { setEventSink } from '../../lib/background/record-event';
import type { LogEvent } from '../../lib/log/event-schema';
import { policySchema } from '../../lib/policy/policy-schema';
import warnCn from '../../policies/examples/warn-cn.json';

type ErrorDetails = WebRequest.OnErrorOccurredDetailsType;
type RedirectDetails = WebRequest.OnBeforeRedirectDetailsType;

const blockPageUrl = 'chrome-extension://gatehouse/blocked.html';
let events: LogEvent[];
let errorOccurred: (details: ErrorDetails) => void;
let beforeRedirect: (details: RedirectDetails) => void;

beforeEach(async () => {
  fakeBrowser.reset();
  events = [];
  await setEventSink(async (event) => void events.push(event));
  vi.spyOn(fakeBrowser.webRequest.onErrorOccurred, 'addListener').mockImplementation((listener) => {
    errorOccurred = listener;
  });
  vi.spyOn(fakeBrowser.webRequest.onBeforeRedirect, 'addListener').mockImplementation((listener) => {
    beforeRedirect = listener;
  });
  vi.spyOn(fakeBrowser.tabs, 'get').mockImplementation(
    async (tabId) => ({ id: tabId, incognito: tabId === 9 }) as never,
  );
});

const failed = (url: string, type: string, tabId = 5, error = 'net::ERR_BLOCKED_BY_CLIENT') =>
  errorOccurred({ url, type, tabId, error } as ErrorDetails);
const redirected = (url: string, type: string, tabId = 5) =>
  beforeRedirect({ url, type, tabId, redirectUrl: `${blockPageUrl}#${url}` } as RedirectDetails);

describe('watchBlockedRequests (default policy)', () => {
  it('logs the first of 1,000 blocked fetches at once and the rest as one counted event, and a blocked frame', async () => {
    const watch = watchBlockedRequests({ blockPageUrl, windowMs: 60_000 });
    for (let i = 0; i < 1000; i++)
      failed(`https://api.deepseek.com/v1/chat/completions?n=${i}`, 'xmlhttprequest');
    redirected('https://chat.deepseek.com/', 'sub_frame');
    failed('wss://chat.deepseek.com/ws', 'websocket', 9);
    // The first request of each window is written without waiting for the window to close.
    await vi.waitFor(() => expect(events).toHaveLength(3));
    expect(events).toEqual([
      expect.objectContaining({
        kind: 'blocked',
        service: 'deepseek',
        host: 'api.deepseek.com',
        resourceType: 'xmlhttprequest',
        count: 1,
        incognito: false,
      }),
      expect.objectContaining({ host: 'chat.deepseek.com', resourceType: 'sub_frame', count: 1 }),
      expect.objectContaining({ resourceType: 'websocket', count: 1, incognito: true }),
    ]);
    watch.flush();
    await vi.waitFor(() => expect(events).toHaveLength(4));
    expect(events[3]).toEqual(
      expect.objectContaining({ host: 'api.deepseek.com', resourceType: 'xmlhttprequest', count: 999 }),
    );
    expect(events.every((e) => e.url === undefined)).toBe(true);
  });

  it('logs a fetch Firefox reports blocked (NS_ERROR_ABORT), and not an allowed host aborted the same way', async () => {
    const watch = watchBlockedRequests({ blockPageUrl, windowMs: 60_000 });
    failed('https://chatgpt.com/backend-api/conversation', 'xmlhttprequest', 5, 'NS_ERROR_ABORT');
    failed('https://api.deepseek.com/v1/models', 'xmlhttprequest', 5, 'NS_ERROR_ABORT');
    await vi.waitFor(() => expect(events).toHaveLength(1));
    watch.flush();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(events).toEqual([
      expect.objectContaining({
        kind: 'blocked',
        host: 'api.deepseek.com',
        resourceType: 'xmlhttprequest',
        count: 1,
      }),
    ]);
  });

  it("ignores other extensions' blocks, other errors, pages and redirects elsewhere", async () => {
    const watch = watchBlockedRequests({ blockPageUrl, windowMs: 60_000 });
    failed('https://ads.example.org/pixel.gif', 'image'); // an ad blocker's, not Gatehouse's
    failed('https://api.deepseek.com/v1/models', 'xmlhttprequest', 5, 'net::ERR_FAILED');
    failed('https://chat.deepseek.com/', 'main_frame'); // the block page records pages
    redirected('https://chatgpt.com/', 'sub_frame'); // allowed: not Gatehouse's redirect
    beforeRedirect({
      url: 'https://chat.deepseek.com/',
      type: 'sub_frame',
      tabId: 5,
      redirectUrl: 'https://example.org/',
    } as RedirectDetails);
    await new Promise((resolve) => setTimeout(resolve, 50));
    watch.flush();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(events).toEqual([]);
  });
});

describe('watchBlockedRequests: flood cap and warned services', () => {
  it('writes at most the per-minute cap for one tab firing at many services, plus the flood markers', async () => {
    const watch = watchBlockedRequests({ blockPageUrl, windowMs: 60_000, floodLimit: 30 });
    const hosts = ['api.deepseek.com', 'kimi.moonshot.cn', 'yiyan.baidu.com', 'chat.qwen.ai'];
    const types = [
      'xmlhttprequest',
      'image',
      'script',
      'websocket',
      'ping',
      'font',
      'media',
      'stylesheet',
      'other',
    ];
    for (let round = 0; round < 10; round++)
      for (const host of hosts) for (const type of types) failed(`https://${host}/x?r=${round}`, type);
    failed('https://api.deepseek.com/other-tab', 'xmlhttprequest', 6);
    await vi.waitFor(() => expect(events.filter((e) => e.kind === 'log_flood')).toHaveLength(1));
    watch.flush();
    await new Promise((resolve) => setTimeout(resolve, 50));
    const fromTab5 = events.filter((e) => e.kind === 'blocked' && e.count !== undefined);
    // 30 events for tab 5, one for tab 6; the flood is on record.
    expect(fromTab5).toHaveLength(31);
    expect(events.find((e) => e.kind === 'log_flood')).toMatchObject({ phase: 'started', suppressed: 0 });
  });

  it('logs the blocked sub-requests of a warned service (only its page can warn)', async () => {
    await fakeBrowser.storage.local.set({
      activePolicy: { source: 'managed', appliedAt: 1, policy: policySchema.parse(warnCn), problems: [] },
    });
    const watch = watchBlockedRequests({ blockPageUrl, windowMs: 60_000 });
    failed('https://api.deepseek.com/v1/chat/completions', 'xmlhttprequest');
    redirected('https://chat.deepseek.com/', 'sub_frame');
    await vi.waitFor(() => expect(events).toHaveLength(2));
    watch.flush();
    expect(events).toEqual([
      expect.objectContaining({
        kind: 'blocked',
        rule: 'warn-cn-jurisdiction',
        resourceType: 'xmlhttprequest',
      }),
      expect.objectContaining({ kind: 'blocked', host: 'chat.deepseek.com', resourceType: 'sub_frame' }),
    ]);
  });
});
