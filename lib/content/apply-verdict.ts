// Applies the background's verdict on one input: insert it as it was, insert the redacted content, ask
// the user (warn), or refuse it (block) — with the notice that says what happened. Trigger-independent.
import type { GuardBlockReason } from '../guard/block-reasons';
import type { GuardVerdict, PiiCounts } from '../guard/check-input';
import { blockedNotice, redactedNotice, warnTitle } from '../guard/notice-text';
import type { Translate } from '../translate';
import { askUser, noticeLabels, showNotice } from './guard-notice';
import type { HtmlSegments } from './html-segments';
import { insertContent } from './insert-content';
import type { InputTarget } from './input-target';
import type { TransferContent } from './transfer';

export interface VerdictUi {
  t: Translate;
  locale: string;
  /** Records the user's choice in the background; resolves only once it is recorded. */
  report: (
    outcome: 'redacted' | 'cancelled' | 'original',
    reason: GuardBlockReason,
    counts: PiiCounts,
    justification: string,
  ) => Promise<void>;
}

export type ApplyVerdict = (
  verdict: GuardVerdict,
  target: InputTarget,
  content: TransferContent,
  html: HtmlSegments | null,
) => Promise<void>;

export function createVerdictApplier(ui: VerdictUi): ApplyVerdict {
  const { t, locale } = ui;
  const filesNote = (dropFiles: boolean) => (dropFiles ? t('paste_notice_files_blocked') : undefined);
  const labels = () => noticeLabels(t);

  return async (
    verdict: GuardVerdict,
    target: InputTarget,
    content: TransferContent,
    html: HtmlSegments | null,
  ) => {
    switch (verdict.action) {
      case 'pass':
        await insertContent(target, content);
        return;
      case 'insert':
        await insertContent(target, redactedContent(verdict, content, html));
        if (Object.keys(verdict.counts).length > 0) {
          showNotice(
            redactedNotice(verdict.counts, t, locale),
            labels(),
            'info',
            filesNote(verdict.dropFiles),
          );
        } else if (verdict.dropFiles) {
          showNotice(t('paste_notice_files_blocked'), labels(), 'block');
        }
        return;
      case 'warn': {
        const buttons = [
          { id: 'redacted' as const, label: t('paste_button_redacted') },
          { id: 'cancelled' as const, label: t('paste_button_cancel') },
          ...(verdict.allowOriginal ? [{ id: 'original' as const, label: t('paste_button_original') }] : []),
        ];
        const answer = await askUser({
          title: warnTitle(verdict.counts, t, locale),
          body: t('paste_warn_body'),
          buttons,
          justificationLabel: t('paste_justification_label'),
          close: t('paste_button_close'),
        });
        await ui.report(answer.choice, 'personal-data', verdict.counts, answer.justification);
        if (answer.choice === 'redacted')
          await insertContent(target, redactedContent(verdict, content, html));
        else if (answer.choice === 'original')
          await insertContent(target, originalContent(content, verdict.dropFiles));
        else restoreOnly(target);
        return;
      }
      case 'block': {
        const text = blockedNotice(verdict.reason, verdict.counts, t, locale);
        if (!verdict.allowOriginal) {
          showNotice(text, labels(), 'block', verdict.message);
          return;
        }
        const answer = await askUser({
          title: text,
          body: '',
          message: verdict.message,
          buttons: [
            { id: 'cancelled', label: t('paste_button_cancel') },
            { id: 'original', label: t('paste_button_original') },
          ],
          justificationLabel: t('paste_justification_label'),
          close: t('paste_button_close'),
        });
        if (answer.choice === 'original') {
          await ui.report('original', verdict.reason, verdict.counts, answer.justification);
          await insertContent(target, originalContent(content, false));
        } else {
          restoreOnly(target);
        }
        return;
      }
    }
  };
}

/** A cancelled or refused input leaves the page as it was, with focus back in the editor. */
function restoreOnly(target: InputTarget): void {
  if (target.editable?.isConnected) target.editable.focus({ preventScroll: true });
}

function redactedContent(
  verdict: Extract<GuardVerdict, { action: 'insert' | 'warn' }>,
  content: TransferContent,
  html: HtmlSegments | null,
): TransferContent {
  return {
    plain: verdict.plain,
    html: html && verdict.html ? html.rebuild(verdict.html) : null,
    // Other flavours could carry the original text: only a clean paste keeps them.
    other: Object.keys(verdict.counts).length > 0 ? [] : content.other,
    files: verdict.dropFiles ? [] : content.files,
  };
}

function originalContent(content: TransferContent, dropFiles: boolean): TransferContent {
  return dropFiles ? { ...content, files: [] } : content;
}
