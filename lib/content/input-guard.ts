// The input guard's pipeline in the page: triggers intercept an input before the page sees it, the
// background checks it (guard:check), and the verdict is applied (apply-verdict.ts).
import type { GuardStatusReply } from '../guard/guard-messages';
import { ask, type MessageInput } from '../messages';
import type { Translate } from '../translate';
import { createVerdictApplier } from './apply-verdict';
import { noticeLabels, showNotice } from './guard-notice';
import { htmlToSegments } from './html-segments';
import { ownEvents } from './insert-content';
import { captureTarget, type InputTarget } from './input-target';
import { hasText, readTransfer, type TransferContent } from './transfer';
import { dropTrigger } from './triggers/drop';
import { pasteTrigger } from './triggers/paste';
import type { InputTrigger, TriggerContext } from './triggers/trigger';

export interface InputGuardEnvironment {
  send: (message: MessageInput) => Promise<unknown>;
  t: Translate;
  /** False once the extension was reloaded or updated and this copy of the script is orphaned. */
  isAlive: () => boolean;
}

export const inputTriggers: readonly InputTrigger[] = [pasteTrigger, dropTrigger];

export function installInputGuard(
  env: InputGuardEnvironment,
  triggers: readonly InputTrigger[] = inputTriggers,
): () => void {
  let guard: GuardStatusReply | null = null;
  const applyVerdict = createVerdictApplier({
    t: env.t,
    locale: env.t('paste_locale') || 'en',
    // The event is recorded before the original reaches the page: an override is never unlogged.
    report: async (outcome, reason, counts, justification) => {
      await ask(env.send, { type: 'guard:outcome', outcome, reason, counts, justification });
    },
  });

  const check = async (target: InputTarget, content: TransferContent) => {
    const html = content.html === null ? null : htmlToSegments(content.html);
    const verdict = await ask(env.send, {
      type: 'guard:check',
      plain: content.plain,
      html: html?.segments ?? null,
      files: content.files.length,
    });
    await applyVerdict(verdict, target, content, html);
  };

  const context: TriggerContext = {
    intercept: (event, kind, transfer, data) => {
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
      void check(target, content).catch((error: unknown) => {
        console.error('Gatehouse input guard:', error);
        showNotice(env.t('paste_notice_error'), noticeLabels(env.t), 'block');
      });
    },
  };
  const removals = triggers.map((install) => install(context));
  function uninstall() {
    for (const remove of removals) remove();
  }

  // Match patterns can be broader than the policy (URL-pattern services): ask once per frame.
  void ask(env.send, { type: 'guard:status' })
    .then((reply) => {
      guard = reply;
      if (!guard.guarded) uninstall();
    })
    .catch((error: unknown) => console.error('Gatehouse input guard:', error));
  return uninstall;
}
