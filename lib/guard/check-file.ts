// checkFile: what happens to one file picked, dropped or pasted on a guarded page, under the `uploads`
// settings (and `paste.files` for pasted and dropped files).
import type { GuardTrigger } from '../log/event-schema';
import { RedactionInputTooLargeError, redactText } from '../redact/redact';
import { matchesFileType } from './file-types';
import type { FileInput, FileVerdict } from './file-verdict';
import type { PageGuard } from './guard-for-page';

export function checkFile(
  file: FileInput,
  trigger: GuardTrigger,
  guard: Extract<PageGuard, { guarded: true }>,
): FileVerdict {
  const { uploads } = guard;
  const drop = (reason: Extract<FileVerdict, { action: 'drop' }>['reason']): FileVerdict => ({
    action: 'drop',
    reason,
    counts: {},
    overridable: false,
  });
  if (trigger !== 'upload' && guard.paste.files === 'block') return drop('files');
  if (matchesFileType(file, uploads.blockTypes)) return drop('file-type');
  if (uploads.mode === 'allow') return { action: 'keep' };
  if (uploads.mode === 'block') return drop('files');
  const unscannable = (): FileVerdict =>
    uploads.unscannable === 'block' ? drop('unscannable') : { action: 'keep' };
  if (file.text === null || file.size > uploads.maxScanBytes) return unscannable();
  let redacted;
  try {
    redacted = redactText(file.text, guard.redaction);
  } catch (error) {
    if (!(error instanceof RedactionInputTooLargeError)) throw error;
    return unscannable();
  }
  if (Object.keys(redacted.counts).length === 0) return { action: 'keep' };
  switch (uploads.onFinding) {
    case 'redact':
      return { action: 'redact', text: redacted.text, counts: redacted.counts };
    case 'warn':
      return { action: 'warn', text: redacted.text, counts: redacted.counts };
    case 'block':
      return {
        action: 'drop',
        reason: 'personal-data',
        counts: redacted.counts,
        overridable: uploads.allowOriginal,
      };
  }
}
