import { describe, expect, it } from 'vitest';
import {
  ask,
  messageContract,
  messageSchema,
  senderAllowed,
  type Message,
  type MessageSender,
} from '../../lib/messages';

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
  [
    'the popup cannot pose as the warn page',
    { type: 'continue', nonce, justification: '' },
    { ...warnPage, url: 'chrome-extension://ext/popup.html' },
    false,
  ],
  [
    'a page of the same name on another origin cannot continue',
    { type: 'continue', nonce, justification: '' },
    { ...warnPage, url: 'https://evil.example/warn.html' },
    false,
  ],
  [
    'the block page requests access for itself',
    { type: 'requestAccess', page: 'blocked', nonce },
    { ...warnPage, url: 'chrome-extension://ext/blocked.html#https://x/' },
    true,
  ],
  [
    'the warn page cannot request access as the block page',
    { type: 'requestAccess', page: 'blocked', nonce },
    warnPage,
    false,
  ],
  ['a web page cannot request access', { type: 'requestAccess', page: 'warn', nonce }, contentScript, false],
  [
    'the popup cannot request access',
    { type: 'requestAccess', page: 'warn', nonce },
    { ...warnPage, url: 'chrome-extension://ext/popup.html' },
    false,
  ],
  [
    'the popup reads the policy view',
    { type: 'getPolicyView' },
    { id: 'ext', url: 'chrome-extension://ext/popup.html' },
    true,
  ],
  ['a web page cannot read the policy view', { type: 'getPolicyView' }, contentScript, false],
  ['the warn page cannot read the policy view', { type: 'getPolicyView' }, warnPage, false],
];

describe('senderAllowed', () => {
  it.each(cases)('%s', (_name, message, sender, allowed) => {
    expect(senderAllowed(message, sender, extension)).toBe(allowed);
  });
});

describe('messageSchema', () => {
  it('rejects unknown types, extra keys and forged nonces', () => {
    expect(messageSchema.safeParse({ type: 'grantEverything' }).success).toBe(false);
    expect(messageSchema.safeParse({ type: 'goBack', nonce, extra: 1 }).success).toBe(false);
    expect(messageSchema.safeParse({ type: 'continue', nonce: 'x', justification: '' }).success).toBe(false);
  });

  it('has no message that hands out the policy (it holds the admin passphrase hash) or writes the log', () => {
    expect(messageSchema.safeParse({ type: 'getActivePolicy' }).success).toBe(false);
    expect(Object.keys(messageContract)).not.toContain('getActivePolicy');
    expect(Object.keys(messageContract)).not.toContain('recordEvent');
  });
});

describe('messageContract', () => {
  it('gives every message a request whose type is its name, a sender rule and a reply schema', () => {
    const types = messageSchema.options.map((option) => option.shape.type.value).sort();
    expect(Object.keys(messageContract).sort()).toEqual(types);
    for (const [type, spec] of Object.entries(messageContract)) {
      expect(spec.request.shape.type.value).toBe(type);
      expect(['content-script', 'extension-page']).toContain(spec.sender.context);
      expect(typeof spec.reply.safeParse).toBe('function');
    }
  });
});

describe('ask', () => {
  it('returns the reply parsed with the contract (defaults applied)', async () => {
    const reply = await ask(async () => ({ ok: true, url: 'https://x/' }), {
      type: 'continue',
      nonce,
      justification: '',
    });
    expect(reply).toEqual({ ok: true, url: 'https://x/' });
  });

  it("throws the router's reason when it refused, and says so when the answer does not parse", async () => {
    await expect(
      ask(async () => ({ ok: false, error: 'sender not allowed' }), { type: 'guard:status' }),
    ).rejects.toThrow('the background refused guard:status: sender not allowed');
    await expect(ask(async () => ({ recorded: 'yes' }), { type: 'guard:status' })).rejects.toThrow(
      'unexpected answer to guard:status',
    );
    await expect(ask(async () => undefined, { type: 'guard:status' })).rejects.toThrow(
      'unexpected answer to guard:status',
    );
  });
});
