// The input guard's pipeline in the page: triggers intercept an input before the page sees it, the
// background checks it (guard:check), and the verdict is applied (apply-verdict.ts).
import type { GuardStatusReply } from '../guard/guard-messages';
import { blockedNotice } from '../guard/notice-text';
import type { GuardProblem, GuardTrigger } from '../log/guard-trigger';
import { ask, type MessageInput } from '../messages';
import type { Translate } from '../translate';
import { createVerdictApplier, type PendingInput } from './apply-verdict';
import { noticeLabels, showNotice } from './guard-notice';
import { htmlToSegments } from './html-segments';
import { insertContent, ownEvents } from './insert-content';
import { captureTarget, restoreFocusOnly, type InputTarget } from './input-target';
import { protectLateInjection } from './late-injection';
import { readFiles } from './read-files';
import { hasText, readTransfer, type TransferContent } from './transfer';
import { clipboardReadTrigger } from './triggers/clipboard-read';
import { dropTrigger } from './triggers/drop';
import { pasteTrigger } from './triggers/paste';
import { sendTrigger } from './triggers/send';
import type { InputTrigger, TriggerContext } from './triggers/trigger';
import { uploadTrigger } from './triggers/upload';

export interface InputGuardEnvironment {
  send: (message: MessageInput) => Promise<unknown>;
  t: Translate;
  /** False once the extension was reloaded or updated and this copy of the script is orphaned. */
  isAlive: () => boolean;
}

export const inputTriggers: readonly InputTrigger[] = [
  pasteTrigger,
  dropTrigger,
  sendTrigger,
  uploadTrigger,
  clipboardReadTrigger,
];

export function installInputGuard(
  env: InputGuardEnvironment,
  triggers: readonly InputTrigger[] = inputTriggers,
): () => void {
  let status: GuardStatusReply | null = null;
  const locale = env.t('paste_locale') || 'en';
  const applyVerdict = createVerdictApplier({
    t: env.t,
    locale,
    // The event is recorded before the original reaches the page: an override is never unlogged.
    report: async (outcome) => {
      await ask(env.send, { type: 'guard:outcome', ...outcome });
    },
  });
  const errorNotice = (trigger: GuardTrigger) =>
    showNotice(blockedNotice('error', {}, env.t, locale, trigger), noticeLabels(env.t), 'block');

  const guard = async (input: PendingInput) => {
    const { content, trigger } = input;
    try {
      const html = content.html === null ? null : htmlToSegments(content.html);
      const files = await readFiles(content.files, {
        read: status?.guarded ? status.readFiles : true,
        maxScanBytes: status?.guarded ? status.maxScanBytes : 10 * 1024 * 1024,
      });
      const verdict = await ask(env.send, {
        type: 'guard:check',
        trigger,
        plain: content.plain,
        html: html?.segments ?? null,
        files: files.map((f) => f.input),
      });
      await applyVerdict(verdict, input, html, files);
    } catch (error) {
      // Fail closed: an input that could not be checked does not reach the page.
      console.error('Gatehouse input guard:', error);
      errorNotice(trigger);
      input.delivery.withhold();
    }
  };

  const context: TriggerContext = {
    status: () => status,
    isAlive: env.isAlive,
    guard,
    intercept: (event, kind, transfer, data, trigger = kind) => {
      if (!event.isTrusted || ownEvents.has(event)) return;
      if (!env.isAlive()) {
        // Orphaned by an update: this copy's listener still runs before the page's, the fresh copy's
        // may not. Nothing can be checked any more, so the input waits for a reload.
        if (kind === 'paste' || transfer?.types.length) late.hold(event);
        return;
      }
      const content = readTransfer(transfer, data);
      const filesChecked = content.files.length > 0 && status?.guarded !== false && !filesAllowed();
      const textChecked = hasText(content) && !(status?.guarded && status.paste === 'off');
      if (!textChecked && !filesChecked) return;
      // Nothing on the page, listening earlier or later, sees the original.
      event.preventDefault();
      event.stopImmediatePropagation();
      const target = captureTarget(event, kind);
      void guard({ trigger, content, delivery: insertion(target) });
    },
    preview: async (trigger, content: TransferContent) => {
      const html = content.html === null ? null : htmlToSegments(content.html);
      const verdict = await ask(env.send, {
        type: 'guard:check',
        trigger,
        plain: content.plain,
        html: html?.segments ?? null,
        files: [],
        preview: true,
      });
      return verdict.action === 'pass';
    },
    reportHealth: (() => {
      const reported = new Set<string>();
      return (trigger, problem: GuardProblem) => {
        if (reported.has(problem) || !env.isAlive()) return;
        reported.add(problem);
        void ask(env.send, { type: 'guard:health', trigger, problem }).catch((error: unknown) =>
          console.error('Gatehouse input guard:', error),
        );
      };
    })(),
  };
  function filesAllowed(): boolean {
    return status?.guarded === true && status.files === 'allow';
  }

  const late = protectLateInjection(env, context);
  const removals = [...triggers.map((install) => install(context)), late.remove];
  function uninstall() {
    for (const remove of removals.splice(0)) remove();
  }

  // Match patterns can be broader than the policy (URL-pattern services): ask once per frame.
  void ask(env.send, { type: 'guard:status' })
    .then((reply) => {
      status = reply;
      if (!reply.guarded) uninstall();
    })
    .catch((error: unknown) => console.error('Gatehouse input guard:', error));
  return uninstall;
}

/** Pastes and drops hand their content over by inserting it where it was going. */
function insertion(target: InputTarget) {
  return {
    deliver: async (content: TransferContent) => {
      await insertContent(target, content);
    },
    withhold: () => restoreFocusOnly(target),
  };
}
