import { describe, expect, it } from 'vitest';
import { checkInput, type GuardInput, type GuardVerdict } from '../../../lib/guard/check-input';
import type { FileInput } from '../../../lib/guard/file-verdict';
import type { PageGuard } from '../../../lib/guard/guard-for-page';
import { eventsForOutcome, eventsForVerdict } from '../../../lib/guard/guard-events';
import {
  pasteGuardSchema,
  sendGuardSchema,
  uploadGuardSchema,
  type PasteGuardSettings,
  type SendGuardSettings,
  type UploadGuardSettings,
} from '../../../lib/policy/guard-settings';
import { PlaceholderMap } from '../../../lib/guard/placeholder-map';
import {
  segmentsWithPlaceholders,
  withPlaceholders,
  type FindingSpan,
} from '../../../lib/guard/placeholder-text';
import { policyRedactionSchema } from '../../../lib/policy/redaction-settings';
import type { PlaceholderMode } from '../../../lib/redact/settings';

interface Settings {
  paste?: Partial<PasteGuardSettings>;
  send?: Partial<SendGuardSettings>;
  uploads?: Partial<UploadGuardSettings>;
  maxInputChars?: number;
  placeholders?: PlaceholderMode;
}
function guard(settings: Settings = {}): PageGuard {
  return {
    guarded: true,
    service: 'openai-chatgpt',
    rule: 'fallback',
    paste: pasteGuardSchema.parse(settings.paste ?? {}),
    send: sendGuardSchema.parse(settings.send ?? {}),
    uploads: uploadGuardSchema.parse(settings.uploads ?? {}),
    redaction: policyRedactionSchema.parse({
      maxInputChars: settings.maxInputChars ?? 5_000_000,
      ...(settings.placeholders ? { placeholders: settings.placeholders } : {}),
    }),
  };
}

/** What the content script writes from a verdict's findings, with a fresh map for the tab. */
function written(verdict: GuardVerdict, input: GuardInput) {
  if (verdict.action === 'pass') throw new Error('nothing is written for a pass');
  const write = new PlaceholderMap().writer(verdict.placeholders);
  const file = (findings: FindingSpan[], i: number) =>
    withPlaceholders(input.files[i]!.text!, findings, write);
  return {
    plain: verdict.action === 'block' ? null : withPlaceholders(input.plain, verdict.plainFindings, write),
    html:
      verdict.action !== 'block' && input.html && verdict.htmlFindings
        ? segmentsWithPlaceholders(input.html, verdict.htmlFindings, write)
        : null,
    files: verdict.files.map((f, i) =>
      f.action === 'redact' || f.action === 'warn' ? file(f.findings, i) : null,
    ),
  };
}
const pasteGuard = (paste: Partial<PasteGuardSettings> = {}, maxInputChars?: number) =>
  guard({ paste, ...(maxInputChars ? { maxInputChars } : {}) });
const file = (text: string | null, extension = 'csv', size = text?.length ?? 100): FileInput => ({
  extension,
  mimeType: extension === 'png' ? 'image/png' : 'text/csv',
  size,
  text,
});
const text = (
  plain: string,
  files: FileInput[] = [],
  trigger: GuardInput['trigger'] = 'paste',
): GuardInput => ({
  trigger,
  plain,
  html: null,
  files,
});
const image = file(null, 'png', 5000);
const context = { service: 'openai-chatgpt', rule: 'fallback', host: 'chatgpt.com', incognito: false };

describe('checkInput: text (paste, drop, clipboard read)', () => {
  it('passes everything through on a page the guard does not apply to', () => {
    expect(checkInput(text('a@b.com'), { guarded: false })).toEqual({ action: 'pass' });
  });

  it('passes a clean paste through unchanged, so it stays byte-for-byte the same', () => {
    expect(checkInput(text('Summarise this: nothing personal here.\r\n'), guard())).toEqual({
      action: 'pass',
    });
  });

  it('finds personal data in both flavours in redact mode and counts each type once', () => {
    const input: GuardInput = {
      trigger: 'paste',
      plain: 'Mail jane.doe@example.com',
      html: [
        { text: 'Mail ', breakBefore: false },
        { text: 'jane.doe@example.com', breakBefore: false },
      ],
      files: [],
    };
    const verdict = checkInput(input, guard());
    expect(verdict).toEqual({
      action: 'insert',
      placeholders: 'numbered',
      plainFindings: [{ type: 'EMAIL', start: 5, end: 25 }],
      htmlFindings: [{ type: 'EMAIL', start: 5, end: 25 }],
      counts: { EMAIL: 1 },
      files: [],
    });
    expect(written(verdict, input)).toEqual({
      plain: 'Mail [EMAIL_1]',
      html: ['Mail ', '[EMAIL_1]'],
      files: [],
    });
  });

  it.each<[PlaceholderMode, 'typed' | 'numbered', string]>([
    ['typed', 'typed', 'to [EMAIL], cc [EMAIL]'],
    ['numbered', 'numbered', 'to [EMAIL_1], cc [EMAIL_2]'],
    ['restore', 'numbered', 'to [EMAIL_1], cc [EMAIL_2]'],
  ])('placeholders %s: the verdict asks for %s placeholders', (mode, style, expected) => {
    const input = text('to a@example.com, cc b@example.com');
    const verdict = checkInput(input, guard({ placeholders: mode }));
    expect(verdict).toMatchObject({ action: 'insert', placeholders: style });
    expect(written(verdict, input).plain).toBe(expected);
  });

  it('blocks in block mode, with the organisation’s message', () => {
    const verdict = checkInput(text('SSN 536-22-8714'), pasteGuard({ mode: 'block', message: 'Ask IT' }));
    expect(verdict).toEqual({
      action: 'block',
      placeholders: 'numbered',
      subject: 'text',
      reason: 'personal-data',
      counts: { US_SSN: 1 },
      files: [],
      allowOriginal: false,
      message: 'Ask IT',
    });
  });

  it('asks in warn mode, offering the original only when the admin allows it', () => {
    const input = text('a@b.com');
    const verdict = checkInput(input, pasteGuard({ mode: 'warn', allowOriginal: true }));
    expect(verdict).toMatchObject({ action: 'warn', textAsked: true, allowOriginal: true });
    expect(written(verdict, input).plain).toBe('[EMAIL_1]');
  });

  it('does not scan in mode off', () => {
    expect(checkInput(text('a@b.com'), pasteGuard({ mode: 'off' }))).toEqual({ action: 'pass' });
  });

  it.each(['paste', 'drop', 'clipboard'] as const)('%s follows the paste settings', (trigger) => {
    const verdict = checkInput(text('a@b.com', [], trigger), guard({ paste: { mode: 'block' } }));
    expect(verdict).toMatchObject({ action: 'block', reason: 'personal-data' });
  });

  it('refuses a paste over the engine’s limit as a whole rather than scanning part of it', () => {
    const verdict = checkInput(text('x'.repeat(1001)), pasteGuard({}, 1000));
    expect(verdict).toMatchObject({ action: 'block', subject: 'text', reason: 'too-large' });
  });
});

describe('checkInput: send', () => {
  it.each<[string, Partial<SendGuardSettings>, object]>([
    [
      'redact (the default) replaces in the composer',
      {},
      { action: 'insert', plainFindings: [{ type: 'EMAIL', start: 3, end: 10 }] },
    ],
    [
      'warn asks',
      { mode: 'warn' },
      { action: 'warn', plainFindings: [{ type: 'EMAIL', start: 3, end: 10 }], allowOriginal: false },
    ],
    [
      'warn offers "send as typed" when allowed',
      { mode: 'warn', allowOriginal: true },
      { action: 'warn', allowOriginal: true },
    ],
    [
      'block holds it',
      { mode: 'block', message: 'No' },
      { action: 'block', reason: 'personal-data', message: 'No' },
    ],
    ['off sends it untouched', { mode: 'off' }, { action: 'pass' }],
  ])('%s', (_name, send, expected) => {
    // The paste settings do not apply to a send, and the other way round.
    const settings = guard({ send, paste: { mode: 'off' } });
    expect(checkInput(text('to a@b.com', [], 'send'), settings)).toMatchObject(expected);
  });

  it('a paste is not governed by the send settings', () => {
    expect(checkInput(text('to a@b.com'), guard({ send: { mode: 'block' } }))).toMatchObject({
      action: 'insert',
    });
  });

  it('a clean send passes', () => {
    expect(checkInput(text('What is the capital of France?', [], 'send'), guard())).toEqual({
      action: 'pass',
    });
  });
});

describe('checkInput: files (upload, and files pasted or dropped)', () => {
  const upload = (files: FileInput[]) => text('', files, 'upload');

  it('a text file with personal data becomes a redacted copy (default)', () => {
    const input = upload([file('name,mail\nAnna,anna@example.com\n')]);
    const verdict = checkInput(input, guard());
    expect(verdict).toMatchObject({
      action: 'insert',
      files: [{ action: 'redact', findings: [{ type: 'EMAIL', start: 15, end: 31 }], counts: { EMAIL: 1 } }],
    });
    expect(written(verdict, input).files).toEqual(['name,mail\nAnna,[EMAIL_1]\n']);
  });

  it.each<[string, FileInput, Partial<UploadGuardSettings>, object]>([
    ['a clean text file is kept', file('name,city\nAnna,Oslo\n'), {}, { action: 'pass' }],
    [
      'onFinding warn asks',
      file('anna@example.com'),
      { onFinding: 'warn', allowOriginal: true },
      {
        action: 'warn',
        textAsked: false,
        allowOriginal: true,
        files: [{ action: 'warn', findings: [{ type: 'EMAIL', start: 0, end: 16 }] }],
      },
    ],
    [
      'onFinding block refuses the file',
      file('anna@example.com'),
      { onFinding: 'block' },
      {
        action: 'block',
        subject: 'files',
        reason: 'personal-data',
        counts: { EMAIL: 1 },
        allowOriginal: false,
      },
    ],
    ['a binary file is kept by default (unscannable: allow)', image, {}, { action: 'pass' }],
    [
      'a binary file is refused with unscannable: block',
      image,
      { unscannable: 'block', message: 'Text files only' },
      { action: 'block', reason: 'unscannable', message: 'Text files only' },
    ],
    [
      'a text file over maxScanBytes is unscannable',
      file('anna@example.com', 'csv', 20_000),
      { maxScanBytes: 10_000, unscannable: 'block' },
      { action: 'block', reason: 'unscannable' },
    ],
    ['mode allow hands files over unread', file('anna@example.com'), { mode: 'allow' }, { action: 'pass' }],
    ['mode block refuses every file', file('hello'), { mode: 'block' }, { action: 'block', reason: 'files' }],
    [
      'blockTypes by extension apply in mode allow too',
      file('hello', 'pst'),
      { mode: 'allow', blockTypes: ['.pst'] },
      { action: 'block', reason: 'file-type' },
    ],
    [
      'blockTypes by MIME wildcard',
      image,
      { blockTypes: ['image/*'] },
      { action: 'block', reason: 'file-type' },
    ],
  ])('%s', (_name, input, uploads, expected) => {
    expect(checkInput(upload([input]), guard({ uploads }))).toMatchObject(expected);
  });

  it('decides each file on its own: one redacted, one kept, one refused', () => {
    const verdict = checkInput(
      upload([file('a@b.com'), image, file('x', 'exe')]),
      guard({ uploads: { blockTypes: ['.exe'], message: 'No programs' } }),
    );
    expect(verdict).toMatchObject({
      action: 'insert',
      files: [{ action: 'redact' }, { action: 'keep' }, { action: 'drop', reason: 'file-type' }],
      message: 'No programs',
    });
    // Nothing refused: no message.
    expect(
      checkInput(upload([file('a@b.com')]), guard({ uploads: { message: 'No programs' } })),
    ).not.toHaveProperty('message');
  });

  it('paste.files: block refuses pasted and dropped files, and keeps the text (redacted)', () => {
    const input = text('mail a@b.com', [image]);
    const verdict = checkInput(input, guard({ paste: { files: 'block' } }));
    expect(verdict).toMatchObject({ action: 'insert', files: [{ action: 'drop', reason: 'files' }] });
    expect(written(verdict, input).plain).toBe('mail [EMAIL_1]');
    expect(checkInput(text('', [image]), guard({ paste: { files: 'block' } }))).toMatchObject({
      action: 'block',
      subject: 'files',
      reason: 'files',
    });
  });

  it('paste.files: block does not apply to a file picker', () => {
    expect(checkInput(upload([image]), guard({ paste: { files: 'block' } }))).toEqual({ action: 'pass' });
  });

  it('a warn about files leaves the text redacted whatever the user picks', () => {
    const input = text('mail a@b.com', [file('c@d.com')]);
    const verdict = checkInput(input, guard({ uploads: { onFinding: 'warn' } }));
    expect(verdict).toMatchObject({ action: 'warn', textAsked: false });
    expect(written(verdict, input)).toMatchObject({ plain: 'mail [EMAIL_1]', files: ['[EMAIL_2]'] });
  });
});

describe('guard events', () => {
  const events = (input: GuardInput, settings = guard()) =>
    eventsForVerdict(checkInput(input, settings), input, context);

  it('records a redaction with its channel and counts only', () => {
    const recorded = events(text('card 4111 1111 1111 1111'));
    expect(recorded).toEqual([
      { ...context, trigger: 'paste', kind: 'redacted', counts: { CREDIT_CARD: 1 } },
    ]);
    expect(JSON.stringify(recorded)).not.toContain('4111');
  });

  it('keeps the existing kinds for a send: redacted and paste_blocked, with trigger send', () => {
    expect(events(text('a@b.com', [], 'send'))).toEqual([
      { ...context, trigger: 'send', kind: 'redacted', counts: { EMAIL: 1 } },
    ]);
    expect(events(text('a@b.com', [], 'send'), guard({ send: { mode: 'block' } }))).toEqual([
      { ...context, trigger: 'send', kind: 'paste_blocked', counts: { EMAIL: 1 }, reason: 'personal-data' },
    ]);
  });

  it('records a blocked paste and refused files', () => {
    expect(events(text('a@b.com'), guard({ paste: { mode: 'block' } }))).toEqual([
      { ...context, trigger: 'paste', kind: 'paste_blocked', counts: { EMAIL: 1 }, reason: 'personal-data' },
    ]);
    expect(events(text('hi', [image]), guard({ paste: { files: 'block' } }))).toEqual([
      {
        ...context,
        trigger: 'paste',
        kind: 'upload_blocked',
        reason: 'files',
        files: 1,
        extensions: ['png'],
        counts: {},
      },
    ]);
  });

  it('records uploads with file counts and vocabulary extensions, never names or contents', () => {
    const recorded = events(
      text(
        '',
        [file('a@b.com', 'csv'), file('c@d.com', 'csv'), file('x', 'doe'), { ...image, extension: 'exe' }],
        'upload',
      ),
      guard({ uploads: { blockTypes: ['.exe'] } }),
    );
    expect(recorded).toEqual([
      {
        ...context,
        trigger: 'upload',
        kind: 'upload_redacted',
        files: 2,
        extensions: ['csv'],
        counts: { EMAIL: 2 },
      },
      {
        ...context,
        trigger: 'upload',
        kind: 'upload_blocked',
        reason: 'file-type',
        files: 1,
        extensions: ['exe'],
        counts: {},
      },
    ]);
    expect(JSON.stringify(recorded)).not.toContain('a@b.com');
  });

  it('maps an extension outside the vocabulary (part of a name, "jane.doe") to "other"', () => {
    const recorded = events(text('', [file('a@b.com', 'doe')], 'upload'));
    expect(recorded[0]).toMatchObject({ kind: 'upload_redacted', extensions: ['other'] });
  });

  it('records nothing for a clean input or before the user answers a warning', () => {
    expect(eventsForVerdict({ action: 'pass' }, text(''), context)).toEqual([]);
    expect(events(text('a@b.com'), guard({ paste: { mode: 'warn' } }))).toEqual([]);
    expect(events(text('', [file('a@b.com')], 'upload'), guard({ uploads: { onFinding: 'warn' } }))).toEqual(
      [],
    );
  });

  it.each([
    ['redacted', { kind: 'redacted' }],
    ['cancelled', { kind: 'paste_blocked', reason: 'cancelled' }],
    ['original', { kind: 'paste_override', justification: 'customer asked' }],
  ] as const)('records the user’s choice about text: %s', (outcome, expected) => {
    const recorded = eventsForOutcome(
      {
        trigger: 'send',
        outcome,
        reason: 'personal-data',
        counts: { EMAIL: 1 },
        justification: 'customer asked',
        files: null,
      },
      context,
    );
    expect(recorded).toEqual([{ ...context, trigger: 'send', counts: { EMAIL: 1 }, ...expected }]);
  });

  it.each([
    ['redacted', { kind: 'upload_redacted' }],
    ['cancelled', { kind: 'upload_blocked', reason: 'cancelled' }],
    ['original', { kind: 'upload_override', justification: 'customer asked' }],
  ] as const)('records the user’s choice about files: %s', (outcome, expected) => {
    const recorded = eventsForOutcome(
      {
        trigger: 'upload',
        outcome,
        reason: 'personal-data',
        counts: {},
        justification: 'customer asked',
        files: { files: 2, extensions: ['csv', 'jane'], counts: { EMAIL: 3 } },
      },
      context,
    );
    expect(recorded).toEqual([
      {
        ...context,
        trigger: 'upload',
        files: 2,
        extensions: ['csv', 'other'],
        counts: { EMAIL: 3 },
        ...expected,
      },
    ]);
  });
});
