import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { messageHandlers } from '../../lib/background/message-handlers';
import { createMessageListener } from '../../lib/background/message-router';
import { noteInterstitialRedirect } from '../../lib/background/observed-redirects';
import { setEventSink } from '../../lib/background/record-event';
import { testHookContract, testHookHandlers } from '../../lib/background/test-hooks';
import type { LogEvent } from '../../lib/log/event-schema';
import { messageContract } from '../../lib/messages';
import { fakeDnr } from './fake-dnr';

const origin = new URL(fakeBrowser.runtime.getURL('/')).origin;
const extension = { id: fakeBrowser.runtime.id, origin };

describe('message contract', () => {
  it('has exactly one handler for every message type', () => {
    expect(Object.keys(messageHandlers(fakeDnr(), 'chromium')).sort()).toEqual(
      Object.keys(messageContract).sort(),
    );
  });
});

describe('createMessageListener', () => {
  const listen = () =>
    createMessageListener(messageContract, messageHandlers(fakeDnr(), 'chromium'), extension);
  const fromWarnPage = {
    id: fakeBrowser.runtime.id,
    url: `${origin}/warn.html#x`,
    tab: { id: 1 } as never,
    frameId: 0,
  };
  const fromContentScript = { ...fromWarnPage, url: 'https://chat.deepseek.com/' };
  const ask = { type: 'getInterstitial', page: 'warn', url: 'https://chat.qwen.ai/' };
  // Handlers resolve once their event is stored, as in the background where the log is the sink.
  let stored: LogEvent[] = [];
  beforeEach(async () => {
    stored = [];
    await setEventSink(async (event) => void stored.push(event));
  });

  it('answers the extension page, refuses a content script, a malformed and an unknown message', async () => {
    await noteInterstitialRedirect(1, 'warn', ask.url);
    await expect(listen()(ask, fromWarnPage)).resolves.toMatchObject({
      ok: true,
      action: 'warn',
      nonce: expect.any(String),
    });
    await expect(listen()(ask, fromContentScript)).resolves.toEqual({
      ok: false,
      error: 'sender not allowed',
    });
    await expect(listen()({ type: 'getInterstitial', page: 'x' }, fromWarnPage)).resolves.toEqual({
      ok: false,
      error: 'malformed message',
    });
    await expect(listen()({ type: 'somebodyElses' }, fromWarnPage)).resolves.toEqual({
      ok: false,
      error: 'unknown message type',
    });
    await expect(listen()('getInterstitial', fromWarnPage)).resolves.toEqual({
      ok: false,
      error: 'unknown message type',
    });
    expect(stored.map((e) => [e.kind, e.host])).toEqual([['warned', 'chat.qwen.ai']]);
  });

  it("records the sender tab's incognito flag, never one the page could choose", async () => {
    const fromIncognitoWarnPage = { ...fromWarnPage, tab: { id: 2, incognito: true } as never };
    await noteInterstitialRedirect(2, 'warn', ask.url);
    await noteInterstitialRedirect(1, 'warn', ask.url);
    await listen()(ask, fromIncognitoWarnPage);
    await listen()(ask, fromWarnPage);
    expect(stored.map((e) => [e.kind, e.incognito])).toEqual([
      ['warned', true],
      ['warned', false],
    ]);
  });
});

describe('the testhooks contract', () => {
  const fromPopup = { id: fakeBrowser.runtime.id, url: `${origin}/popup.html` };
  const event = { id: 'e2e-0000-0001', time: 1, kind: 'blocked', host: 'chat.deepseek.com' };
  let stored: LogEvent[] = [];
  beforeEach(async () => {
    stored = [];
    await setEventSink(async (e) => void stored.push(e));
  });

  it('is unknown to the production router: nothing but the extension itself writes the log', async () => {
    const production = createMessageListener(
      messageContract,
      messageHandlers(fakeDnr(), 'chromium'),
      extension,
    );
    await expect(production({ type: 'recordEvent', event }, fromPopup)).resolves.toEqual({
      ok: false,
      error: 'unknown message type',
    });
    expect(stored).toEqual([]);
  });

  it('records an event from the popup page in the testhooks build, and refuses a content script', async () => {
    const withHooks = createMessageListener(
      { ...messageContract, ...testHookContract() },
      { ...messageHandlers(fakeDnr(), 'chromium'), ...testHookHandlers() },
      extension,
    );
    await expect(withHooks({ type: 'recordEvent', event }, fromPopup)).resolves.toEqual({ ok: true });
    await expect(
      withHooks(
        { type: 'recordEvent', event },
        { ...fromPopup, url: 'https://chat.deepseek.com/', tab: { id: 1 } as never },
      ),
    ).resolves.toEqual({ ok: false, error: 'sender not allowed' });
    // Values beyond the schema (a smuggled original) are refused, not stored.
    await expect(
      withHooks({ type: 'recordEvent', event: { ...event, original: 'alice@example.com' } }, fromPopup),
    ).resolves.toEqual({ ok: false, error: 'malformed message' });
    expect(stored.map((e) => e.id)).toEqual([event.id]);
  });
});

describe('replies', () => {
  it('a handler reply outside its schema is reported as an error, not sent', async () => {
    const handlers = messageHandlers(fakeDnr(), 'chromium');
    const listener = createMessageListener(
      messageContract,
      { ...handlers, goBack: async () => ({ ok: 'maybe' }) as never },
      extension,
    );
    const fromWarnPage = {
      id: extension.id,
      url: `${origin}/warn.html#x`,
      tab: { id: 1 } as never,
      frameId: 0,
    };
    await expect(
      listener({ type: 'goBack', nonce: '0f8fad5b-d9cb-469f-a165-70867728950e' }, fromWarnPage),
    ).resolves.toEqual({ ok: false, error: 'the background could not answer goBack' });
  });
});
