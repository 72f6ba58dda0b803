// checkFile: what happens to one file picked, dropped or pasted on a guarded page, under the `uploads`
// settings (and `paste.files` for pasted and dropped files).
import type { GuardTrigger } from '../log/event-schema';
import { findPii, RedactionInputTooLargeError } from '../redact/redact';
import { matchesFileType } from './file-types';
import { countFindings, type FileInput, type FileVerdict } from './file-verdict';
import { spansOf } from './find-in-segments';
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
  let findings;
  try {
    findings = spansOf(findPii(file.text, guard.redaction));
  } catch (error) {
    if (!(error instanceof RedactionInputTooLargeError)) throw error;
    return unscannable();
  }
  if (findings.length === 0) return { action: 'keep' };
  const counts = countFindings(findings);
  switch (uploads.onFinding) {
    case 'redact':
      return { action: 'redact', findings, counts };
    case 'warn':
      return { action: 'warn', findings, counts };
    case 'block':
      return {
        action: 'drop',
        reason: 'personal-data',
        counts,
        overridable: uploads.allowOriginal,
      };
  }
}
