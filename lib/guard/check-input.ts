// checkInput: what happens to one input on a page (a paste, a drop, a send, an upload, a clipboard read),
// given its content, the channel that carried it and the page's guard settings.
import type { GuardTrigger } from '../log/event-schema';
import type { PasteGuardSettings, SendGuardSettings } from '../policy/guard-settings';
import { RedactionInputTooLargeError, redactText } from '../redact/redact';
import type { PiiType } from '../redact/settings';
import type { GuardBlockReason } from './block-reasons';
import { checkFile } from './check-file';
import { addCounts, type FileInput, type FileVerdict, type PiiCounts } from './file-verdict';
import type { GuardedPage, PageGuard } from './guard-for-page';
import { redactSegments, type TextSegment } from './redact-segments';

export type { PiiCounts } from './file-verdict';

export interface GuardInput {
  trigger: GuardTrigger;
  plain: string;
  /** Text segments of the text/html flavour (or of a rich composer), or null when there is none. */
  html: TextSegment[] | null;
  /** Files picked, pasted or dropped, in order. */
  files: FileInput[];
}

export type GuardVerdict =
  /** Hand over exactly what came in. */
  | { action: 'pass' }
  /** Hand over this content: the text (redacted where `counts` says so) and each file as decided. */
  | {
      action: 'insert';
      plain: string;
      html: string[] | null;
      counts: PiiCounts;
      files: FileVerdict[];
      /** The organisation's message, when files were refused. */
      message?: string | undefined;
    }
  /**
   * Ask the user: hand over the redacted content, cancel, or (if `allowOriginal`) the original. `textAsked`:
   * the question is about the text (otherwise only files are, and the text goes in as `plain` either way).
   */
  | {
      action: 'warn';
      plain: string;
      html: string[] | null;
      counts: PiiCounts;
      files: FileVerdict[];
      textAsked: boolean;
      allowOriginal: boolean;
    }
  /** Hand over nothing. `subject`: whether the text or the files caused it (for the log and the notice). */
  | {
      action: 'block';
      subject: 'text' | 'files';
      reason: GuardBlockReason;
      counts: PiiCounts;
      files: FileVerdict[];
      allowOriginal: boolean;
      message?: string | undefined;
    };

/** The settings that govern text on a channel; uploads carry no text. */
function textSettings(trigger: GuardTrigger, guard: GuardedPage) {
  if (trigger === 'send') return guard.send as SendGuardSettings;
  if (trigger === 'upload') return null;
  return guard.paste as PasteGuardSettings;
}

export function checkInput(payload: GuardInput, guard: PageGuard): GuardVerdict {
  if (!guard.guarded) return { action: 'pass' };
  const text = textSettings(payload.trigger, guard);
  const files = payload.files.map((file) => checkFile(file, payload.trigger, guard));
  const hasText = payload.plain.length > 0 || (payload.html?.some((s) => s.text.length > 0) ?? false);

  let plain = payload.plain;
  let html: string[] | null = payload.html?.map((s) => s.text) ?? null;
  let counts: PiiCounts = {};
  if (hasText && text && text.mode !== 'off') {
    try {
      const redacted = redactText(payload.plain, guard.redaction);
      const segments = payload.html ? redactSegments(payload.html, guard.redaction) : null;
      counts = segments ? maxCounts(redacted.counts, segments.counts) : redacted.counts;
      if (Object.keys(counts).length > 0) {
        plain = redacted.text;
        html = segments?.segments ?? null;
      }
    } catch (error) {
      if (!(error instanceof RedactionInputTooLargeError)) throw error;
      // The engine never scans part of an input: refuse it whole.
      return {
        action: 'block',
        subject: 'text',
        reason: 'too-large',
        counts: {},
        files,
        allowOriginal: text.allowOriginal,
        message: text.message,
      };
    }
  }
  const textFound = Object.keys(counts).length > 0;
  if (textFound && text!.mode === 'block') {
    return {
      action: 'block',
      subject: 'text',
      reason: 'personal-data',
      counts,
      files,
      allowOriginal: text!.allowOriginal,
      message: text!.message,
    };
  }
  if (!hasText && files.length > 0 && files.every((f) => f.action === 'drop')) {
    const first = files[0] as Extract<FileVerdict, { action: 'drop' }>;
    const fileCounts: PiiCounts = {};
    for (const file of files) if (file.action === 'drop') addCounts(fileCounts, file.counts);
    return {
      action: 'block',
      subject: 'files',
      reason: first.reason,
      counts: fileCounts,
      files,
      allowOriginal: files.every((f) => f.action === 'drop' && f.overridable),
      message:
        first.reason === 'files' && guard.paste.files === 'block'
          ? guard.paste.message
          : guard.uploads.message,
    };
  }
  const filesAsked = files.some((f) => f.action === 'warn' || (f.action === 'drop' && f.overridable));
  const textAsked = textFound && text!.mode === 'warn';
  if (textAsked || filesAsked) {
    return {
      action: 'warn',
      plain,
      html,
      counts,
      files,
      textAsked,
      allowOriginal: (!textAsked || text!.allowOriginal) && (!filesAsked || guard.uploads.allowOriginal),
    };
  }
  if (textFound || files.some((f) => f.action !== 'keep')) {
    const refused = files.find((f) => f.action === 'drop');
    if (!refused) return { action: 'insert', plain, html, counts, files };
    const message = refusalMessage(refused, guard);
    return { action: 'insert', plain, html, counts, files, ...(message ? { message } : {}) };
  }
  return { action: 'pass' };
}

/** The organisation's message for a refused file: the paste settings' when they keep files out. */
function refusalMessage(file: FileVerdict, guard: GuardedPage): string | undefined {
  const byPaste = file.action === 'drop' && file.reason === 'files' && guard.paste.files === 'block';
  return byPaste ? guard.paste.message : guard.uploads.message;
}

/** The text and HTML flavours usually hold the same data: count each type as often as the richer one has it. */
function maxCounts(a: PiiCounts, b: PiiCounts): PiiCounts {
  const out: PiiCounts = { ...a };
  for (const [type, n] of Object.entries(b) as [PiiType, number][]) out[type] = Math.max(out[type] ?? 0, n);
  return out;
}
