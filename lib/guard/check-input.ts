// checkInput: what happens to one paste on a page, given its content and the page's paste-guard settings.
import { RedactionInputTooLargeError, redactText } from '../redact/redact';
import type { PiiType } from '../redact/settings';
import type { PageGuard } from './guard-for-page';
import type { GuardBlockReason } from './block-reasons';
import { redactSegments, type TextSegment } from './redact-segments';

export type PiiCounts = Partial<Record<PiiType, number>>;

export interface GuardInput {
  plain: string;
  /** Text segments of the text/html flavour, or null when there is none. */
  html: TextSegment[] | null;
  /** Number of files (images, documents) pasted or dropped along with the text. */
  files: number;
}

export type GuardVerdict =
  /** Insert exactly what was pasted. */
  | { action: 'pass' }
  /** Insert this (redacted) content; `dropFiles` when the policy keeps files out. */
  | { action: 'insert'; plain: string; html: string[] | null; counts: PiiCounts; dropFiles: boolean }
  /** Show the findings; the user pastes the redacted content, cancels, or (if allowed) the original. */
  | {
      action: 'warn';
      plain: string;
      html: string[] | null;
      counts: PiiCounts;
      dropFiles: boolean;
      allowOriginal: boolean;
    }
  | {
      action: 'block';
      reason: GuardBlockReason;
      counts: PiiCounts;
      allowOriginal: boolean;
      message?: string | undefined;
    };

export function checkInput(payload: GuardInput, guard: PageGuard): GuardVerdict {
  if (!guard.guarded) return { action: 'pass' };
  const { paste, redaction } = guard;
  const dropFiles = payload.files > 0 && paste.files === 'block';
  const hasText = payload.plain.length > 0 || (payload.html?.some((s) => s.text.length > 0) ?? false);
  const original = {
    action: 'insert' as const,
    plain: payload.plain,
    html: payload.html?.map((s) => s.text) ?? null,
    counts: {},
    dropFiles,
  };
  if (!hasText) {
    if (!dropFiles) return { action: 'pass' };
    return { action: 'block', reason: 'files', counts: {}, allowOriginal: false, message: paste.message };
  }
  if (paste.mode === 'off') return dropFiles ? original : { action: 'pass' };

  let plain: string;
  let html: string[] | null = null;
  let counts: PiiCounts;
  try {
    const redacted = redactText(payload.plain, redaction);
    plain = redacted.text;
    counts = redacted.counts;
    if (payload.html) {
      const segments = redactSegments(payload.html, redaction);
      html = segments.segments;
      counts = maxCounts(counts, segments.counts);
    }
  } catch (error) {
    if (!(error instanceof RedactionInputTooLargeError)) throw error;
    // The engine never scans part of a paste: refuse it whole.
    return {
      action: 'block',
      reason: 'too-large',
      counts: {},
      allowOriginal: paste.allowOriginal,
      message: paste.message,
    };
  }
  if (Object.keys(counts).length === 0) return dropFiles ? original : { action: 'pass' };
  switch (paste.mode) {
    case 'redact':
      return { action: 'insert', plain, html, counts, dropFiles };
    case 'warn':
      return { action: 'warn', plain, html, counts, dropFiles, allowOriginal: paste.allowOriginal };
    case 'block':
      return {
        action: 'block',
        reason: 'personal-data',
        counts,
        allowOriginal: paste.allowOriginal,
        message: paste.message,
      };
  }
}

/** The text and HTML flavours usually hold the same data: count each type as often as the richer one has it. */
function maxCounts(a: PiiCounts, b: PiiCounts): PiiCounts {
  const out: PiiCounts = { ...a };
  for (const [type, n] of Object.entries(b) as [PiiType, number][]) out[type] = Math.max(out[type] ?? 0, n);
  return out;
}
