import { describe, expect, it } from 'vitest';
import { checkInput, type GuardInput } from '../../../lib/guard/check-input';
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
import { redactionSettingsSchema } from '../../../lib/redact/settings';

interface Settings {
  paste?: Partial<PasteGuardSettings>;
  send?: Partial<SendGuardSettings>;
  uploads?: Partial<UploadGuardSettings>;
  maxInputChars?: number;
}
function guard(settings: Settings = {}): PageGuard {
  return {
    guarded: true,
    service: 'openai-chatgpt',
    rule: 'fallback',
    paste: pasteGuardSchema.parse(settings.paste ?? {}),
    send: sendGuardSchema.parse(settings.send ?? {}),
    uploads: uploadGuardSchema.parse(settings.uploads ?? {}),
    redaction: redactionSettingsSchema.parse({ maxInputChars: settings.maxInputChars ?? 5_000_000 }),
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

  it('redacts both flavours in redact mode and counts each type once', () => {
    const verdict = checkInput(
      {
        trigger: 'paste',
        plain: 'Mail jane.doe@example.com',
        html: [
          { text: 'Mail ', breakBefore: false },
          { text: 'jane.doe@example.com', breakBefore: false },
        ],
        files: [],
      },
      guard(),
    );
    expect(verdict).toEqual({
      action: 'insert',
      plain: 'Mail [EMAIL]',
      html: ['Mail ', '[EMAIL]'],
      counts: { EMAIL: 1 },
      files: [],
    });
  });

  it('blocks in block mode, with the organisation’s message', () => {
    const verdict = checkInput(text('SSN 123-45-6789'), pasteGuard({ mode: 'block', message: 'Ask IT' }));
    expect(verdict).toEqual({
      action: 'block',
      subject: 'text',
      reason: 'personal-data',
      counts: { US_SSN: 1 },
      files: [],
      allowOriginal: false,
      message: 'Ask IT',
    });
  });

  it('asks in warn mode, offering the original only when the admin allows it', () => {
    const verdict = checkInput(text('a@b.com'), pasteGuard({ mode: 'warn', allowOriginal: true }));
    expect(verdict).toMatchObject({ action: 'warn', plain: '[EMAIL]', textAsked: true, allowOriginal: true });
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
    ['redact (the default) replaces in the composer', {}, { action: 'insert', plain: 'to [EMAIL]' }],
    ['warn asks', { mode: 'warn' }, { action: 'warn', plain: 'to [EMAIL]', allowOriginal: false }],
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

  it.each<[string, FileInput, Partial<UploadGuardSettings>, object]>([
    ['a clean text file is kept', file('name,city\nAnna,Oslo\n'), {}, { action: 'pass' }],
    [
      'a text file with personal data becomes a redacted copy (default)',
      file('name,mail\nAnna,anna@example.com\n'),
      {},
      {
        action: 'insert',
        files: [{ action: 'redact', text: 'name,mail\nAnna,[EMAIL]\n', counts: { EMAIL: 1 } }],
      },
    ],
    [
      'onFinding warn asks',
      file('anna@example.com'),
      { onFinding: 'warn', allowOriginal: true },
      { action: 'warn', textAsked: false, allowOriginal: true, files: [{ action: 'warn', text: '[EMAIL]' }] },
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
    const verdict = checkInput(text('mail a@b.com', [image]), guard({ paste: { files: 'block' } }));
    expect(verdict).toMatchObject({
      action: 'insert',
      plain: 'mail [EMAIL]',
      files: [{ action: 'drop', reason: 'files' }],
    });
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
    const verdict = checkInput(
      text('mail a@b.com', [file('c@d.com')]),
      guard({ uploads: { onFinding: 'warn' } }),
    );
    expect(verdict).toMatchObject({ action: 'warn', textAsked: false, plain: 'mail [EMAIL]' });
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
