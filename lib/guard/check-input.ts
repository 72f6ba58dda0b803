// checkInput: what happens to one input on a page (a paste, a drop, a send, an upload, a clipboard read),
// given its content, the channel that carried it and the page's guard settings.
import type { GuardTrigger } from '../log/event-schema';
import type { PasteGuardSettings, SendGuardSettings } from '../policy/guard-settings';
import { findPii, RedactionInputTooLargeError } from '../redact/redact';
import type { PiiType } from '../redact/settings';
import type { GuardBlockReason } from './block-reasons';
import { checkFile } from './check-file';
import { addCounts, countFindings, type FileInput, type FileVerdict, type PiiCounts } from './file-verdict';
import { findInSegments, spansOf } from './find-in-segments';
import type { GuardedPage, PageGuard } from './guard-for-page';
import type { PlaceholderStyle } from './placeholder-map';
import type { FindingSpan, TextSegment } from './placeholder-text';

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
  /**
   * Hand over this content: the text with placeholders for `plainFindings` (offsets into the plain text)
   * and `htmlFindings` (offsets into the joined HTML segments), written in `placeholders` style by the
   * content script (lib/guard/placeholder-text.ts), and each file as decided.
   */
  | {
      action: 'insert';
      placeholders: PlaceholderStyle;
      plainFindings: FindingSpan[];
      htmlFindings: FindingSpan[] | null;
      counts: PiiCounts;
      files: FileVerdict[];
      /** The organisation's message, when files were refused. */
      message?: string | undefined;
    }
  /**
   * Ask the user: hand over the redacted content, cancel, or (if `allowOriginal`) the original. `textAsked`:
   * the question is about the text (otherwise only files are, and the text goes in redacted either way).
   */
  | {
      action: 'warn';
      placeholders: PlaceholderStyle;
      plainFindings: FindingSpan[];
      htmlFindings: FindingSpan[] | null;
      counts: PiiCounts;
      files: FileVerdict[];
      textAsked: boolean;
      allowOriginal: boolean;
    }
  /** Hand over nothing. `subject`: whether the text or the files caused it (for the log and the notice). */
  | {
      action: 'block';
      /** How files the verdict still redacts (and the user may let through) are written. */
      placeholders: PlaceholderStyle;
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
  const placeholders: PlaceholderStyle = guard.redaction.placeholders === 'typed' ? 'typed' : 'numbered';
  const text = textSettings(payload.trigger, guard);
  const files = payload.files.map((file) => checkFile(file, payload.trigger, guard));
  const hasText = payload.plain.length > 0 || (payload.html?.some((s) => s.text.length > 0) ?? false);

  let plainFindings: FindingSpan[] = [];
  let htmlFindings: FindingSpan[] | null = null;
  let counts: PiiCounts = {};
  if (hasText && text && text.mode !== 'off') {
    try {
      plainFindings = spansOf(findPii(payload.plain, guard.redaction));
      htmlFindings = payload.html ? findInSegments(payload.html, guard.redaction) : null;
      const plainCounts = countFindings(plainFindings);
      counts = htmlFindings ? maxCounts(plainCounts, countFindings(htmlFindings)) : plainCounts;
    } catch (error) {
      if (!(error instanceof RedactionInputTooLargeError)) throw error;
      // The engine never scans part of an input: refuse it whole.
      return {
        action: 'block',
        placeholders,
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
      placeholders,
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
      placeholders,
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
      placeholders,
      plainFindings,
      htmlFindings,
      counts,
      files,
      textAsked,
      allowOriginal: (!textAsked || text!.allowOriginal) && (!filesAsked || guard.uploads.allowOriginal),
    };
  }
  if (textFound || files.some((f) => f.action !== 'keep')) {
    const refused = files.find((f) => f.action === 'drop');
    const insert = { action: 'insert' as const, placeholders, plainFindings, htmlFindings, counts, files };
    if (!refused) return insert;
    const message = refusalMessage(refused, guard);
    return { ...insert, ...(message ? { message } : {}) };
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
