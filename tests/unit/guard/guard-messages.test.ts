import { describe, expect, it } from 'vitest';
import { messageSchema, senderAllowed, type Message, type MessageSender } from '../../../lib/messages';

const extension = { id: 'ext', origin: 'chrome-extension://ext' };
const contentScript: MessageSender = {
  id: 'ext',
  url: 'https://chatgpt.com/c/1',
  tab: { id: 3 },
  frameId: 0,
};
const check: Message = { type: 'guard:check', plain: 'a@b.com', html: null, files: 0 };

describe('paste messages: sender rules', () => {
  it.each<[string, Message, MessageSender, boolean]>([
    [
      'the content script in a web page asks whether it is guarded',
      { type: 'guard:status' },
      contentScript,
      true,
    ],
    ['the content script checks a paste', check, contentScript, true],
    ['a subframe checks a paste', check, { ...contentScript, frameId: 7 }, true],
    [
      'an about:blank frame is known by its creator’s origin',
      check,
      { ...contentScript, url: 'about:blank', origin: 'https://claude.ai' },
      true,
    ],
    ['another extension cannot', check, { ...contentScript, id: 'other' }, false],
    ['an extension page cannot', check, { ...contentScript, url: 'chrome-extension://ext/warn.html' }, false],
    ['a sender outside a tab cannot', check, { ...contentScript, tab: undefined }, false],
  ])('%s', (_name, message, sender, allowed) => {
    expect(senderAllowed(message, sender, extension)).toBe(allowed);
  });
});

describe('paste messages: schema', () => {
  it.each([
    ['a check carrying a page URL (the page comes from the sender)', { ...check, url: 'https://evil/' }],
    ['a negative file count', { ...check, files: -1 }],
    [
      'an outcome with a made-up type in counts',
      { type: 'guard:outcome', outcome: 'original', reason: 'personal-data', counts: { NAME: 1 } },
    ],
    [
      'an outcome with values instead of counts',
      { type: 'guard:outcome', outcome: 'redacted', reason: 'personal-data', counts: { EMAIL: 'a@b.com' } },
    ],
    [
      'an unknown outcome',
      { type: 'guard:outcome', outcome: 'allow-all', reason: 'personal-data', counts: {} },
    ],
  ])('rejects %s', (_name, message) => {
    expect(messageSchema.safeParse(message).success).toBe(false);
  });

  it('accepts an override with its justification', () => {
    const parsed = messageSchema.parse({
      type: 'guard:outcome',
      outcome: 'original',
      reason: 'personal-data',
      counts: { EMAIL: 1 },
      justification: 'customer asked',
    });
    expect(parsed).toMatchObject({ type: 'guard:outcome', justification: 'customer asked' });
  });
});
