// The log events an input produces: kinds, channel, types and counts, file counts and extensions from a
// fixed vocabulary, never the values, the text or a file name.
import type { GuardTrigger, NewLogEvent } from '../log/event-schema';
import type { GuardBlockReason } from './block-reasons';
import type { GuardVerdict, PiiCounts } from './check-input';
import { normaliseExtension } from './file-types';
import { addCounts, type FileVerdict } from './file-verdict';

export interface GuardEventContext {
  service: string | null;
  rule: string | null;
  host: string | null;
  incognito: boolean;
}

/** Files of one event: how many, their (vocabulary) extensions, sorted and unique, and summed counts. */
export interface FileSummary {
  files: number;
  extensions: string[];
  counts: PiiCounts;
}

export function summariseFiles(
  extensions: readonly string[],
  counts: readonly PiiCounts[] = [],
): FileSummary {
  const total: PiiCounts = {};
  for (const c of counts) addCounts(total, c);
  return {
    files: extensions.length,
    extensions: [...new Set(extensions.map(normaliseExtension))].sort(),
    counts: total,
  };
}

/** Events recorded as soon as the background decides; what a warn dialog asks about waits for the user. */
export function eventsForVerdict(
  verdict: GuardVerdict,
  input: { trigger: GuardTrigger; files: readonly { extension: string }[] },
  context: GuardEventContext,
): NewLogEvent[] {
  const { trigger } = input;
  const events: NewLogEvent[] = [];
  if (verdict.action === 'pass') return events;
  if (verdict.action === 'block' && verdict.subject === 'text') {
    events.push({
      ...context,
      trigger,
      kind: 'paste_blocked',
      counts: verdict.counts,
      reason: verdict.reason,
    });
    return events;
  }
  if (verdict.action === 'insert' && Object.keys(verdict.counts).length > 0) {
    events.push({ ...context, trigger, kind: 'redacted', counts: verdict.counts });
  }
  const redacted: number[] = [];
  const dropped = new Map<GuardBlockReason, number[]>();
  verdict.files.forEach((file, i) => {
    // In a warn dialog, redactions and overridable refusals are the user's to choose.
    if (file.action === 'redact' && verdict.action === 'insert') redacted.push(i);
    if (file.action === 'drop' && (verdict.action !== 'warn' || !file.overridable)) {
      dropped.set(file.reason, [...(dropped.get(file.reason) ?? []), i]);
    }
  });
  const summary = (indexes: number[]) =>
    summariseFiles(
      indexes.map((i) => input.files[i]?.extension ?? 'none'),
      indexes.map((i) => fileCounts(verdict.files[i]!)),
    );
  if (redacted.length > 0)
    events.push({ ...context, trigger, kind: 'upload_redacted', ...summary(redacted) });
  for (const [reason, indexes] of dropped) {
    events.push({ ...context, trigger, kind: 'upload_blocked', reason, ...summary(indexes) });
  }
  return events;
}

function fileCounts(file: FileVerdict): PiiCounts {
  return file.action === 'keep' ? {} : file.counts;
}

export interface GuardOutcome {
  trigger: GuardTrigger;
  outcome: 'redacted' | 'cancelled' | 'original';
  reason: GuardBlockReason;
  /** The text's findings the user decided about; empty when the question was only about files. */
  counts: PiiCounts;
  justification: string;
  /** The files the user decided about, if any. */
  files: FileSummary | null;
}

/** The events for the user's choice after a warn dialog or an overridable block. */
export function eventsForOutcome(outcome: GuardOutcome, context: GuardEventContext): NewLogEvent[] {
  const { trigger, counts, justification } = outcome;
  // Extensions are mapped to the vocabulary again: the content script's report is not trusted for that.
  const fileFields =
    outcome.files && outcome.files.files > 0
      ? {
          files: outcome.files.files,
          extensions: [...new Set(outcome.files.extensions.map(normaliseExtension))].sort(),
          counts: outcome.files.counts,
        }
      : null;
  const text = Object.keys(counts).length > 0 || !fileFields;
  const events: NewLogEvent[] = [];
  switch (outcome.outcome) {
    case 'redacted':
      if (text) events.push({ ...context, trigger, kind: 'redacted', counts });
      if (fileFields) events.push({ ...context, trigger, kind: 'upload_redacted', ...fileFields });
      break;
    case 'cancelled':
      if (text) events.push({ ...context, trigger, kind: 'paste_blocked', counts, reason: 'cancelled' });
      if (fileFields)
        events.push({ ...context, trigger, kind: 'upload_blocked', reason: 'cancelled', ...fileFields });
      break;
    case 'original':
      if (text) events.push({ ...context, trigger, kind: 'paste_override', counts, justification });
      if (fileFields)
        events.push({ ...context, trigger, kind: 'upload_override', justification, ...fileFields });
      break;
  }
  return events;
}
