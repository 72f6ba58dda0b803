import { describe, expect, it } from 'vitest';
import { checkInput, type GuardInput } from '../../../lib/guard/check-input';
import type { PageGuard } from '../../../lib/guard/guard-for-page';
import { eventForOutcome, eventsForVerdict } from '../../../lib/guard/guard-events';
import { pasteGuardSchema, type PasteGuardSettings } from '../../../lib/policy/policy-schema';
import { redactionSettingsSchema } from '../../../lib/redact/settings';

function guard(paste: Partial<PasteGuardSettings> = {}, maxInputChars = 5_000_000): PageGuard {
  return {
    guarded: true,
    service: 'openai-chatgpt',
    rule: 'fallback',
    paste: pasteGuardSchema.parse(paste),
    redaction: redactionSettingsSchema.parse({ maxInputChars }),
  };
}
const text = (plain: string, files = 0): GuardInput => ({ plain, html: null, files });
const context = { service: 'openai-chatgpt', rule: 'fallback', host: 'chatgpt.com', incognito: false };

describe('checkInput', () => {
  it('passes everything through on a page the guard does not apply to', () => {
    expect(checkInput(text('a@b.com'), { guarded: false })).toEqual({ action: 'pass' });
  });

  it('passes a clean paste through unchanged, so it stays byte-for-byte the same', () => {
    expect(checkInput(text('Summarise this: nothing personal here.\r\n'), guard())).toEqual({
      action: 'pass',
    });
  });

  it('redacts both flavours in redact mode and counts each type once', () => {
    const verdict = checkInput(
      {
        plain: 'Mail jane.doe@example.com',
        html: [
          { text: 'Mail ', breakBefore: false },
          { text: 'jane.doe@example.com', breakBefore: false },
        ],
        files: 0,
      },
      guard(),
    );
    expect(verdict).toEqual({
      action: 'insert',
      plain: 'Mail [EMAIL]',
      html: ['Mail ', '[EMAIL]'],
      counts: { EMAIL: 1 },
      dropFiles: false,
    });
  });

  it('blocks in block mode, with the organisation’s message', () => {
    const verdict = checkInput(text('SSN 536-22-8714'), guard({ mode: 'block', message: 'Ask IT' }));
    expect(verdict).toEqual({
      action: 'block',
      reason: 'personal-data',
      counts: { US_SSN: 1 },
      allowOriginal: false,
      message: 'Ask IT',
    });
  });

  it('asks in warn mode, offering the original only when the admin allows it', () => {
    const verdict = checkInput(text('a@b.com'), guard({ mode: 'warn', allowOriginal: true }));
    expect(verdict).toMatchObject({ action: 'warn', plain: '[EMAIL]', allowOriginal: true });
  });

  it('does not scan in mode off', () => {
    expect(checkInput(text('a@b.com'), guard({ mode: 'off', files: 'block' }))).toEqual({ action: 'pass' });
  });

  it.each([
    ['files alone are blocked', text('', 2), { action: 'block', reason: 'files' }],
    [
      'text with files keeps the text and drops the files',
      text('hello', 1),
      { action: 'insert', dropFiles: true },
    ],
  ])('files: block — %s', (_name, payload, expected) => {
    expect(checkInput(payload, guard({ files: 'block' }))).toMatchObject(expected);
  });

  it('lets files through when the policy allows them', () => {
    expect(checkInput(text('', 1), guard())).toEqual({ action: 'pass' });
  });

  it('refuses a paste over the engine’s limit as a whole rather than scanning part of it', () => {
    const verdict = checkInput(text('x'.repeat(1001)), guard({}, 1000));
    expect(verdict).toMatchObject({ action: 'block', reason: 'too-large' });
  });
});

describe('paste events', () => {
  it('records a redaction with counts only', () => {
    const events = eventsForVerdict(checkInput(text('card 4111 1111 1111 1111'), guard()), context);
    expect(events).toEqual([{ ...context, kind: 'redacted', counts: { CREDIT_CARD: 1 } }]);
    expect(JSON.stringify(events)).not.toContain('4111');
  });

  it('records a blocked paste and dropped files', () => {
    expect(eventsForVerdict(checkInput(text('a@b.com'), guard({ mode: 'block' })), context)).toEqual([
      { ...context, kind: 'paste_blocked', counts: { EMAIL: 1 }, reason: 'personal-data' },
    ]);
    expect(eventsForVerdict(checkInput(text('hi', 1), guard({ files: 'block' })), context)).toEqual([
      { ...context, kind: 'paste_blocked', counts: {}, reason: 'files' },
    ]);
  });

  it('records nothing for a clean paste or before the user answers a warning', () => {
    expect(eventsForVerdict({ action: 'pass' }, context)).toEqual([]);
    expect(eventsForVerdict(checkInput(text('a@b.com'), guard({ mode: 'warn' })), context)).toEqual([]);
  });

  it.each([
    ['redacted', { kind: 'redacted' }],
    ['cancelled', { kind: 'paste_blocked', reason: 'cancelled' }],
    ['original', { kind: 'paste_override', justification: 'customer asked' }],
  ] as const)('records the user’s choice: %s', (outcome, expected) => {
    const event = eventForOutcome(
      { outcome, reason: 'personal-data', counts: { EMAIL: 1 }, justification: 'customer asked' },
      context,
    );
    expect(event).toMatchObject({ ...expected, counts: { EMAIL: 1 } });
  });
});
