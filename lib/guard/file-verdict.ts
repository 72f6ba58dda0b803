// What happens to each file of one input (a file picker, a drop, a paste): the shapes the background
// answers with and the user's choice applied to them. No redaction engine here: the content script uses it.
import type { PiiType } from '../redact/settings';

export type PiiCounts = Partial<Record<PiiType, number>>;

/** Why a file is not handed to the page. */
export const fileDropReasons = ['files', 'file-type', 'unscannable', 'personal-data'] as const;
export type FileDropReason = (typeof fileDropReasons)[number];

/** A file as the content script describes it to the background (never its name). */
export interface FileInput {
  /** The name's real extension, lower-case (for `blockTypes`; the log only gets the vocabulary's). */
  extension: string;
  mimeType: string;
  size: number;
  /** The decoded text of a text file within `maxScanBytes`; null when it was not read. */
  text: string | null;
}

export type FileVerdict =
  /** Hand the original to the page. */
  | { action: 'keep' }
  /** Hand the page a copy with this text, under the same name and type. */
  | { action: 'redact'; text: string; counts: PiiCounts }
  /** Ask: the user uploads the redacted copy (`text`), cancels, or (if allowed) the original. */
  | { action: 'warn'; text: string; counts: PiiCounts }
  /** Keep it from the page. `overridable`: the user may upload the original with a justification. */
  | { action: 'drop'; reason: FileDropReason; counts: PiiCounts; overridable: boolean };

/** The files that a choice on a warn dialog or an overridable block leaves to hand over. */
export type ResolvedFile = { action: 'keep' } | { action: 'redact'; text: string } | { action: 'drop' };

export function resolveFiles(files: readonly FileVerdict[], choice: 'redacted' | 'original'): ResolvedFile[] {
  return files.map((file) => {
    switch (file.action) {
      case 'keep':
        return file;
      case 'redact':
        return { action: 'redact', text: file.text };
      case 'warn':
        return choice === 'original' ? { action: 'keep' } : { action: 'redact', text: file.text };
      case 'drop':
        return choice === 'original' && file.overridable ? { action: 'keep' } : { action: 'drop' };
    }
  });
}

/** The files a user's choice is about (asked about, or refused but overridable): what its event counts. */
export function filesInQuestion(files: readonly FileVerdict[]): number[] {
  const indexes: number[] = [];
  files.forEach((file, i) => {
    if (file.action === 'warn' || (file.action === 'drop' && file.overridable)) indexes.push(i);
  });
  return indexes;
}

export function addCounts(into: PiiCounts, more: PiiCounts): PiiCounts {
  for (const [type, n] of Object.entries(more) as [PiiType, number][]) into[type] = (into[type] ?? 0) + n;
  return into;
}
