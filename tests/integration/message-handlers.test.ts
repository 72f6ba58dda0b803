import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createMessageListener, messageHandlers } from '../../lib/browser/message-router';
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
  });
});
