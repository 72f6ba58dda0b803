import { describe, expect, it } from 'vitest';
import { isLogMessageType, logMessageSchema, logSenderAllowed } from '../../../lib/log/log-messages';

const extension = {
  id: 'hdelpkplhkpocfoajdbmibkebgpkflda',
  origin: 'chrome-extension://hdelpkplhkpocfoajdbmibkebgpkflda',
};

describe('logSenderAllowed', () => {
  it.each([
    ['an extension page', { id: extension.id, url: `${extension.origin}/popup.html` }, true],
    ['the warn page in a tab', { id: extension.id, url: `${extension.origin}/warn.html#x` }, true],
    ['a content script (web page URL)', { id: extension.id, url: 'https://chatgpt.com/' }, false],
    ['another extension', { id: 'other', url: `${extension.origin}/popup.html` }, false],
    ['a look-alike origin', { id: extension.id, url: `${extension.origin}.evil.test/` }, false],
    ['no URL', { id: extension.id }, false],
  ])('%s', (_name, sender, expected) => {
    expect(logSenderAllowed(sender, extension)).toBe(expected);
  });
});

describe('logMessageSchema', () => {
  it('takes a complete LogEvent and refuses extra fields such as an original value', () => {
    const event = { id: 'id-message-01', time: 1, kind: 'redacted', counts: { EMAIL: 1 } };
    expect(logMessageSchema.safeParse({ type: 'recordEvent', event }).success).toBe(true);
    const smuggled = { type: 'recordEvent', event: { ...event, original: 'alice@example.com' } };
    expect(logMessageSchema.safeParse(smuggled).success).toBe(false);
    expect(isLogMessageType(smuggled)).toBe(true);
    expect(isLogMessageType({ type: 'getInterstitial' })).toBe(false);
  });
});
