import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createMessageListener, messageHandlers } from '../../lib/browser/message-router';
import { setEventSink } from '../../lib/browser/record-event';
import type { LogEvent } from '../../lib/log/event-schema';
import { messageSchema } from '../../lib/messages';
import { fakeDnr } from './fake-dnr';

describe('message contract', () => {
  it('has exactly one handler for every message type', () => {
    const types = messageSchema.options.map((option) => option.shape.type.value).sort();
    expect(Object.keys(messageHandlers(fakeDnr())).sort()).toEqual(types);
  });
});

describe('createMessageListener', () => {
  const listen = () => createMessageListener(messageHandlers(fakeDnr()));
  const origin = new URL(fakeBrowser.runtime.getURL('/')).origin;
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

  it('answers the extension page, refuses a content script, and leaves other listeners their messages', async () => {
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
    expect(listen()({ type: 'somebodyElses' }, fromWarnPage)).toBeUndefined();
    expect(stored.map((e) => [e.kind, e.host])).toEqual([['warned', 'chat.qwen.ai']]);
  });

  it("records the sender tab's incognito flag, never one the page could choose", async () => {
    const fromIncognitoWarnPage = { ...fromWarnPage, tab: { id: 2, incognito: true } as never };
    await listen()(ask, fromIncognitoWarnPage);
    await listen()(ask, fromWarnPage);
    expect(stored.map((e) => [e.kind, e.incognito])).toEqual([
      ['warned', true],
      ['warned', false],
    ]);
  });
});
