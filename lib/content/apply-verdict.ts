// Applies the background's verdict on one input: hand it over as it was, hand over the redacted content,
// ask the user (warn), or refuse it (block) — with the notice that says what happened. The channel only
// decides how content is handed over (its Delivery) and the wording; the rest is shared.
import type { GuardBlockReason } from '../guard/block-reasons';
import type { GuardVerdict, PiiCounts } from '../guard/check-input';
import { fileExtension } from '../guard/file-types';
import {
  addCounts,
  fileDropReasons,
  filesInQuestion,
  resolveFiles,
  type FileDropReason,
  type FileVerdict,
} from '../guard/file-verdict';
import type { FileSummary } from '../guard/guard-events';
import {
  blockedNotice,
  dialogWords,
  filesRedactedNotice,
  filesRefusedNotice,
  redactedNotice,
  warnTitle,
} from '../guard/notice-text';
import type { GuardTrigger } from '../log/guard-trigger';
import type { Translate } from '../translate';
import { askUser, noticeLabels, showNotice } from './guard-notice';
import type { HtmlSegments } from './html-segments';
import { redactedFile, type ReadFile } from './read-files';
import type { TransferContent } from './transfer';

/** How a channel hands content to the page. */
export interface Delivery {
  /**
   * Hand `content` over. `chosen`: the user picked it in a dialog (a send then goes out; a redaction
   * the guard made on its own only replaces the composer's text and holds the send).
   */
  deliver(content: TransferContent, how: { chosen: boolean }): Promise<void>;
  /** Nothing is handed over (cancelled or refused); the page is left as it was. */
  withhold(): void;
}

/** One intercepted input, waiting for its verdict. */
export interface PendingInput {
  trigger: GuardTrigger;
  content: TransferContent;
  delivery: Delivery;
}

export interface VerdictUi {
  t: Translate;
  locale: string;
  /** Records the user's choice in the background; resolves only once it is recorded. */
  report: (outcome: {
    trigger: GuardTrigger;
    outcome: 'redacted' | 'cancelled' | 'original';
    reason: GuardBlockReason;
    counts: PiiCounts;
    justification: string;
    files: FileSummary | null;
  }) => Promise<void>;
}

export type ApplyVerdict = (
  verdict: GuardVerdict,
  input: PendingInput,
  html: HtmlSegments | null,
  files: readonly ReadFile[],
) => Promise<void>;

export function createVerdictApplier(ui: VerdictUi): ApplyVerdict {
  const { t, locale } = ui;
  const labels = () => noticeLabels(t);

  return async (verdict, input, html, files) => {
    const { trigger, content, delivery } = input;
    switch (verdict.action) {
      case 'pass':
        await delivery.deliver(content, { chosen: false });
        return;
      case 'insert': {
        await delivery.deliver(redactedContent(verdict, content, html, files, 'redacted'), { chosen: false });
        const lines = [
          ...(Object.keys(verdict.counts).length > 0
            ? [redactedNotice(verdict.counts, t, locale, trigger)]
            : []),
          ...fileNotices(verdict.files, t, locale, trigger),
        ];
        const refused = verdict.files.some((f) => f.action === 'drop');
        if (lines.length > 0)
          showNotice(lines[0]!, labels(), refused ? 'block' : 'info', lines.slice(1).join(' '));
        return;
      }
      case 'warn': {
        const asked = filesInQuestion(verdict.files);
        const words = dialogWords(trigger, !verdict.textAsked, t);
        const askedCounts = sumCounts(asked.map((i) => fileCounts(verdict.files[i]!)));
        const answer = await askUser({
          title: verdict.textAsked
            ? warnTitle(verdict.counts, t, locale, trigger)
            : warnTitle(askedCounts, t, locale, 'upload', asked.length),
          body: words.body,
          buttons: [
            { id: 'redacted' as const, label: words.redacted },
            { id: 'cancelled' as const, label: words.cancel },
            ...(verdict.allowOriginal ? [{ id: 'original' as const, label: words.original }] : []),
          ],
          justificationLabel: words.justification,
          close: t('paste_button_close'),
        });
        await ui.report({
          trigger,
          outcome: answer.choice,
          reason: 'personal-data',
          counts: verdict.textAsked ? verdict.counts : {},
          justification: answer.justification,
          files: summary(asked, files, askedCounts),
        });
        if (answer.choice === 'cancelled') delivery.withhold();
        else
          await delivery.deliver(redactedContent(verdict, content, html, files, answer.choice), {
            chosen: true,
          });
        return;
      }
      case 'block': {
        const text =
          verdict.subject === 'files'
            ? filesRefusedNotice(
                fileReason(verdict.reason),
                verdict.files.length,
                verdict.counts,
                t,
                locale,
                trigger,
              )
            : blockedNotice(verdict.reason, verdict.counts, t, locale, trigger);
        if (!verdict.allowOriginal) {
          showNotice(text, labels(), 'block', verdict.message);
          delivery.withhold();
          return;
        }
        const words = dialogWords(trigger, verdict.subject === 'files', t);
        const answer = await askUser({
          title: text,
          body: '',
          message: verdict.message,
          buttons: [
            { id: 'cancelled', label: words.cancel },
            { id: 'original', label: words.original },
          ],
          justificationLabel: words.justification,
          close: t('paste_button_close'),
        });
        if (answer.choice !== 'original') {
          delivery.withhold();
          return;
        }
        const asked = verdict.subject === 'files' ? filesInQuestion(verdict.files) : [];
        await ui.report({
          trigger,
          outcome: 'original',
          reason: verdict.reason,
          counts: verdict.subject === 'text' ? verdict.counts : {},
          justification: answer.justification,
          files: summary(asked, files, verdict.counts),
        });
        await delivery.deliver(redactedContent(verdict, content, html, files, 'original'), { chosen: true });
        return;
      }
    }
  };
}

/**
 * The one place content for the page is built from a verdict: the text and HTML flavours as the verdict
 * (and the user's choice) say, other flavours only when nothing was redacted, and each file kept, replaced
 * by its redacted copy, or left out.
 */
export function redactedContent(
  verdict: Exclude<GuardVerdict, { action: 'pass' }>,
  content: TransferContent,
  html: HtmlSegments | null,
  files: readonly ReadFile[],
  choice: 'redacted' | 'original',
): TransferContent {
  const textRedacted =
    verdict.action !== 'block' &&
    Object.keys(verdict.counts).length > 0 &&
    (choice === 'redacted' || (verdict.action === 'warn' && !verdict.textAsked));
  const resolved = resolveFiles(verdict.files, choice);
  return {
    plain: textRedacted ? verdict.plain : content.plain,
    html: textRedacted && html && verdict.html ? html.rebuild(verdict.html) : content.html,
    // Other flavours could carry the original text: only content with nothing redacted keeps them.
    other: textRedacted ? [] : content.other,
    files: content.files.flatMap((file, i) => {
      const decision = resolved[i] ?? { action: 'keep' };
      if (decision.action === 'drop') return [];
      if (decision.action === 'keep') return [file];
      return [redactedFile(file, files[i]?.encoding ?? null, decision.text)];
    }),
  };
}

function fileNotices(
  verdicts: readonly FileVerdict[],
  t: Translate,
  locale: string,
  trigger: GuardTrigger,
): string[] {
  const lines: string[] = [];
  const redacted = verdicts.filter((f) => f.action === 'redact');
  if (redacted.length > 0)
    lines.push(filesRedactedNotice(redacted.length, sumCounts(redacted.map(fileCounts)), t, locale));
  for (const reason of ['files', 'file-type', 'unscannable', 'personal-data'] as const) {
    const dropped = verdicts.filter((f) => f.action === 'drop' && f.reason === reason);
    if (dropped.length > 0)
      lines.push(
        filesRefusedNotice(reason, dropped.length, sumCounts(dropped.map(fileCounts)), t, locale, trigger),
      );
  }
  return lines;
}

function fileReason(reason: GuardBlockReason): FileDropReason {
  return (fileDropReasons as readonly string[]).includes(reason) ? (reason as FileDropReason) : 'files';
}

function fileCounts(file: FileVerdict): PiiCounts {
  return file.action === 'keep' ? {} : file.counts;
}

function sumCounts(all: readonly PiiCounts[]): PiiCounts {
  const total: PiiCounts = {};
  for (const counts of all) addCounts(total, counts);
  return total;
}

function summary(
  indexes: readonly number[],
  files: readonly ReadFile[],
  counts: PiiCounts,
): FileSummary | null {
  if (indexes.length === 0) return null;
  return {
    files: indexes.length,
    extensions: indexes.map((i) => fileExtension(files[i]?.file.name ?? '')),
    counts,
  };
}
