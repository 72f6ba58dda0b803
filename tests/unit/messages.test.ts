import { describe, expect, it } from 'vitest';
import { messageSchema, senderAllowed, type Message, type MessageSender } from '../../lib/messages';

const extension = { id: 'ext', origin: 'chrome-extension://ext' };
const nonce = '0f8fad5b-d9cb-469f-a165-70867728950e';
const warnPage: MessageSender = {
  id: 'ext',
  url: 'chrome-extension://ext/warn.html#https://x/',
  tab: { id: 3 },
  frameId: 0,
};
const contentScript: MessageSender = { id: 'ext', url: 'https://chat.example/', tab: { id: 3 }, frameId: 0 };

const cases: [string, Message, MessageSender, boolean][] = [
  [
    'warn page asks for its details',
    { type: 'getInterstitial', page: 'warn', url: 'https://x/' },
    warnPage,
    true,
  ],
  ['warn page continues', { type: 'continue', nonce, justification: '' }, warnPage, true],
  ['content script cannot continue', { type: 'continue', nonce, justification: '' }, contentScript, false],
  [
    'content script cannot open an interstitial',
    { type: 'getInterstitial', page: 'warn', url: 'x' },
    contentScript,
    false,
  ],
  [
    'block page cannot pose as the warn page',
    { type: 'getInterstitial', page: 'warn', url: 'x' },
    { ...warnPage, url: 'chrome-extension://ext/blocked.html#x' },
    false,
  ],
  [
    'a framed warn page cannot continue',
    { type: 'continue', nonce, justification: '' },
    { ...warnPage, frameId: 5 },
    false,
  ],
  [
    'another extension cannot continue',
    { type: 'continue', nonce, justification: '' },
    { ...warnPage, id: 'other' },
    false,
  ],
  [
    'warn page outside a tab cannot continue',
    { type: 'goBack', nonce },
    { ...warnPage, tab: undefined },
    false,
  ],
  ['content script reads the active policy', { type: 'getActivePolicy' }, contentScript, true],
  [
    'another extension cannot read the active policy',
    { type: 'getActivePolicy' },
    { ...contentScript, id: 'x' },
    false,
  ],
];

describe('senderAllowed', () => {
  it.each(cases)('%s', (_name, message, sender, allowed) => {
    expect(senderAllowed(message, sender, extension)).toBe(allowed);
  });
});

describe('messageSchema', () => {
  it('rejects unknown types, extra keys and forged nonces', () => {
    expect(messageSchema.safeParse({ type: 'grantEverything' }).success).toBe(false);
    expect(messageSchema.safeParse({ type: 'getActivePolicy', extra: 1 }).success).toBe(false);
    expect(messageSchema.safeParse({ type: 'continue', nonce: 'x', justification: '' }).success).toBe(false);
  });
});
