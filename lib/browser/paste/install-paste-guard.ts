// The content-script side of the paste guard: intercept paste and drop before the page, ask, insert.
import type { PasteBlockReason } from '../../paste/paste-block-reasons';
import type { PasteVerdict, PiiCounts } from '../../paste/guard-paste';
import { blockedNotice, redactedNotice, warnTitle, type Translate } from '../../paste/notice-text';
import {
  pasteGuardReplySchema,
  pasteVerdictSchema,
  type PasteGuardReply,
  type PasteRequest,
} from '../../paste/paste-messages';
import { htmlToSegments, type HtmlSegments } from './html-segments';
import { insertContent, ownEvents } from './insert-content';
import { askUser, showNotice } from './paste-notice';
import { captureTarget, type PasteTarget } from './paste-target';
import { hasText, readTransfer, type TransferContent } from './read-transfer';

export interface PasteGuardEnvironment {
  send: (request: PasteRequest) => Promise<unknown>;
  t: Translate;
  /** False once the extension was reloaded or updated and this copy of the script is orphaned. */
  isAlive: () => boolean;
}

const interceptedInputTypes = new Set(['insertFromPaste', 'insertFromPasteAsQuotation', 'insertFromDrop']);

export function installPasteGuard(env: PasteGuardEnvironment): () => void {
  let guard: PasteGuardReply | null = null;
  let internalDrag = false;
  const locale = env.t('paste_locale') || 'en';

  const intercept = (
    event: Event,
    kind: PasteTarget['kind'],
    transfer: DataTransfer | null,
    data: string | null,
  ) => {
    if (!event.isTrusted || ownEvents.has(event)) return;
    if (!env.isAlive()) {
      // A fresh copy of the script was injected after an update; it handles this event.
      uninstall();
      return;
    }
    const content = readTransfer(transfer, data);
    if (!hasText(content) && (content.files.length === 0 || guard?.files === 'allow')) return;
    // Nothing on the page, listening earlier or later, sees the original.
    event.preventDefault();
    event.stopImmediatePropagation();
    const target = captureTarget(event, kind);
    void handle(target, content).catch((error: unknown) => {
      console.error('Gatehouse paste guard:', error);
      showNotice(env.t('paste_notice_error'), labels(), 'block');
    });
  };

  const handle = async (target: PasteTarget, content: TransferContent) => {
    const html = content.html === null ? null : htmlToSegments(content.html);
    const reply = await env.send({
      type: 'paste:check',
      plain: content.plain,
      html: html?.segments ?? null,
      files: content.files.length,
    });
    const verdict = pasteVerdictSchema.parse(reply);
    await act(verdict, target, content, html);
  };

  const act = async (
    verdict: PasteVerdict,
    target: PasteTarget,
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
            redactedNotice(verdict.counts, env.t, locale),
            labels(),
            'info',
            filesNote(verdict.dropFiles),
          );
        } else if (verdict.dropFiles) {
          showNotice(env.t('paste_notice_files_blocked'), labels(), 'block');
        }
        return;
      case 'warn': {
        const buttons = [
          { id: 'redacted' as const, label: env.t('paste_button_redacted') },
          { id: 'cancelled' as const, label: env.t('paste_button_cancel') },
          ...(verdict.allowOriginal
            ? [{ id: 'original' as const, label: env.t('paste_button_original') }]
            : []),
        ];
        const answer = await askUser({
          title: warnTitle(verdict.counts, env.t, locale),
          body: env.t('paste_warn_body'),
          buttons,
          justificationLabel: env.t('paste_justification_label'),
          close: env.t('paste_button_close'),
        });
        await report(answer.choice, 'personal-data', verdict.counts, answer.justification);
        if (answer.choice === 'redacted')
          await insertContent(target, redactedContent(verdict, content, html));
        else if (answer.choice === 'original')
          await insertContent(target, originalContent(content, verdict.dropFiles));
        else restoreOnly(target);
        return;
      }
      case 'block': {
        const text = blockedNotice(verdict.reason, verdict.counts, env.t, locale);
        if (!verdict.allowOriginal) {
          showNotice(text, labels(), 'block', verdict.message);
          return;
        }
        const answer = await askUser({
          title: text,
          body: '',
          message: verdict.message,
          buttons: [
            { id: 'cancelled', label: env.t('paste_button_cancel') },
            { id: 'original', label: env.t('paste_button_original') },
          ],
          justificationLabel: env.t('paste_justification_label'),
          close: env.t('paste_button_close'),
        });
        if (answer.choice === 'original') {
          await report('original', verdict.reason, verdict.counts, answer.justification);
          await insertContent(target, originalContent(content, false));
        } else {
          restoreOnly(target);
        }
        return;
      }
    }
  };

  const report = async (
    outcome: 'redacted' | 'cancelled' | 'original',
    reason: PasteBlockReason,
    counts: PiiCounts,
    justification: string,
  ) => {
    // The event is recorded before the original reaches the page: an override is never unlogged.
    const reply = await env.send({ type: 'paste:outcome', outcome, reason, counts, justification });
    if ((reply as { recorded?: unknown } | null)?.recorded !== true) {
      throw new Error('the background did not record the paste outcome');
    }
  };

  const restoreOnly = (target: PasteTarget) => {
    if (target.editable?.isConnected) target.editable.focus({ preventScroll: true });
  };

  const filesNote = (dropFiles: boolean) => (dropFiles ? env.t('paste_notice_files_blocked') : undefined);
  const labels = () => ({ title: env.t('paste_notice_label'), close: env.t('paste_button_close') });

  const onPaste = (event: ClipboardEvent) => intercept(event, 'paste', event.clipboardData, null);
  const onDrop = (event: DragEvent) => {
    if (internalDrag) return; // text moved within the page is already the page's
    intercept(event, 'drop', event.dataTransfer, null);
  };
  const onBeforeInput = (event: InputEvent) => {
    // Only reached if a paste or drop escaped the listeners above (e.g. a browser-initiated paste).
    if (!interceptedInputTypes.has(event.inputType)) return;
    if (event.inputType === 'insertFromDrop' && internalDrag) return;
    intercept(event, event.inputType === 'insertFromDrop' ? 'drop' : 'paste', event.dataTransfer, event.data);
  };
  const onDragStart = (event: DragEvent) => {
    if (event.isTrusted) internalDrag = true;
  };
  const onDragEnd = () => {
    internalDrag = false;
  };

  const listeners: [string, EventListener][] = [
    ['paste', onPaste as EventListener],
    ['drop', onDrop as EventListener],
    ['beforeinput', onBeforeInput as EventListener],
    ['dragstart', onDragStart as EventListener],
    ['dragend', onDragEnd as EventListener],
  ];
  for (const [type, listener] of listeners) window.addEventListener(type, listener, { capture: true });
  function uninstall() {
    for (const [type, listener] of listeners) window.removeEventListener(type, listener, { capture: true });
  }

  // Match patterns can be broader than the policy (URL-pattern services): ask once per frame.
  void env
    .send({ type: 'paste:guard' })
    .then((reply) => {
      guard = pasteGuardReplySchema.parse(reply);
      if (!guard.guarded) uninstall();
    })
    .catch((error: unknown) => console.error('Gatehouse paste guard:', error));
  return uninstall;
}

function redactedContent(
  verdict: Extract<PasteVerdict, { action: 'insert' | 'warn' }>,
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
