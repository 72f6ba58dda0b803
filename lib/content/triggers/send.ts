// Send trigger: the composer's whole text when the user sends it (Enter, the send button, the form's
// submission), so what was typed, dictated, autocompleted or pasted while the guard was away is checked
// too. While the user types, the text is checked ahead (nothing recorded): a clean send then goes out
// untouched, with no delay. Otherwise the send is held until the verdict is in.
import type { TransferContent } from '../transfer';
import type { Delivery } from '../apply-verdict';
import {
  clickedControl,
  composerAt,
  composerContent,
  composerText,
  isSendControl,
  replaceComposerContent,
  type Composer,
} from '../composer';
import { isGuardUi } from '../guard-notice';
import { ownEvents } from '../insert-content';
import { eventNode, isField } from '../input-target';
import { listenFirst, type InputTrigger, type TriggerContext } from './trigger';

export const sendTrigger: InputTrigger = (context) => {
  const previews = createPreviews(context);
  /** The composer the user worked in last: the one a send button sends. */
  let composer: Composer | null = null;
  /** A send being checked: further Enters and clicks wait for it. */
  let pending = false;
  /** Set while the guard re-submits a form itself. */
  let resending = false;
  /** An Enter was held: its keyup is held too (some pages send on keyup). */
  let heldKeyup = false;

  const active = () => {
    const status = context.status();
    return context.isAlive() && !(status && (!status.guarded || status.send === 'off'));
  };

  const hold = (event: Event, target: Composer, resend: () => void) => {
    const content = composerContent(target);
    if (content.plain.trim() === '') return;
    if (!pending && previews.isClean(content)) return;
    event.preventDefault();
    event.stopImmediatePropagation();
    if (event.type === 'keydown') heldKeyup = true;
    if (pending) return;
    pending = true;
    void context
      .guard({ trigger: 'send', content, delivery: delivery(target, content, resend) })
      .finally(() => (pending = false));
  };

  const delivery = (target: Composer, original: TransferContent, resend: () => void): Delivery => ({
    async deliver(content, { chosen }) {
      const now = composerContent(target);
      if (now.plain !== original.plain) {
        // The user changed the text while it was checked: what is there now is checked instead.
        await context.guard({ trigger: 'send', content: now, delivery: delivery(target, now, resend) });
        return;
      }
      const changed = content.plain !== original.plain || content.html !== original.html;
      if (changed) {
        await replaceComposerContent(target, content);
        previews.schedule(target);
      }
      // A redaction the guard made on its own holds the send: the user sees what changed and sends again.
      if (!changed || chosen) {
        // What the resend sets off (a submit button's submission, say) is already checked.
        resending = true;
        try {
          resend();
        } finally {
          resending = false;
        }
      }
    },
    withhold() {
      if (target.isConnected) target.focus({ preventScroll: true });
    },
  });

  const resubmit = (form: HTMLFormElement, submitter: HTMLElement | null) => {
    const button =
      submitter instanceof HTMLButtonElement || submitter instanceof HTMLInputElement ? submitter : null;
    form.requestSubmit(button?.form === form ? button : null);
  };

  /** Enter once more, for the page's own handler; if nobody takes it, what Enter would have done. */
  const redispatchEnter = (original: KeyboardEvent, node: Node, target: Composer) => {
    // `node` was read while the original was dispatched: its composed path is empty afterwards.
    const at = node.isConnected ? node : target;
    const init = {
      key: 'Enter',
      code: 'Enter',
      keyCode: 13,
      which: 13,
      ctrlKey: original.ctrlKey,
      metaKey: original.metaKey,
      bubbles: true,
      cancelable: true,
      composed: true,
    };
    const down = new KeyboardEvent('keydown', init);
    ownEvents.add(down);
    at.dispatchEvent(down);
    if (!down.defaultPrevented) {
      if (isField(target) && target instanceof HTMLInputElement) {
        if (target.form) resubmit(target.form, null);
      } else if (isField(target)) {
        document.execCommand('insertText', false, '\n');
      } else {
        document.execCommand('insertParagraph');
      }
    }
    const up = new KeyboardEvent('keyup', init);
    ownEvents.add(up);
    at.dispatchEvent(up);
  };

  const health = watchUnrecognisedSends(context, () => composer);

  return listenFirst([
    [
      'focusin',
      (event) => {
        const found = composerAt(eventNode(event));
        if (found && active()) {
          composer = found;
          previews.schedule(found);
        }
      },
    ],
    [
      'input',
      (event) => {
        if (!active()) return;
        const found = composerAt(eventNode(event));
        if (!found) return;
        composer = found;
        health.edited(found);
        previews.schedule(found);
      },
    ],
    [
      'beforeinput',
      (event) => {
        const input = event as InputEvent;
        if (!input.isTrusted || !active() || !input.inputType.startsWith('insert')) return;
        const node = eventNode(event);
        if (isGuardUi(node)) return;
        const element = node instanceof Element ? node : node.parentElement;
        // Typing into something that is neither a form control nor an editor we can read (a closed
        // shadow root, a canvas editor): its text cannot be checked at send.
        if (
          !composerAt(node) &&
          !(element instanceof HTMLInputElement || element instanceof HTMLSelectElement)
        )
          context.reportHealth('send', 'composer');
      },
    ],
    [
      'keydown',
      (event) => {
        const key = event as KeyboardEvent;
        if (!key.isTrusted || ownEvents.has(key) || resending || !active()) return;
        // Shift+Enter is a new line; an Enter that ends an IME composition commits it, it does not send.
        if (key.key !== 'Enter' || key.shiftKey || key.altKey || key.isComposing || key.keyCode === 229)
          return;
        const node = eventNode(event);
        const found = composerAt(node);
        if (!found) return;
        composer = found;
        hold(event, found, () => redispatchEnter(key, node, found));
      },
    ],
    [
      'keyup',
      (event) => {
        const key = event as KeyboardEvent;
        if (key.isTrusted && key.key === 'Enter' && heldKeyup) {
          heldKeyup = false;
          event.preventDefault();
          event.stopImmediatePropagation();
        }
      },
    ],
    [
      'click',
      (event) => {
        if (!event.isTrusted || resending || !active()) return;
        const control = clickedControl(event);
        const target = composer?.isConnected ? composer : null;
        if (!control || !target) return;
        if (!isSendControl(control, target)) {
          health.clicked(control, target);
          return;
        }
        hold(event, target, () => control.click());
      },
    ],
    [
      'submit',
      (event) => {
        if (!event.isTrusted || resending || !active()) return;
        const form = event.target;
        if (!(form instanceof HTMLFormElement)) return;
        const target = composer?.isConnected && form.contains(composer) ? composer : firstComposerIn(form);
        if (!target) return;
        const submitter = (event as SubmitEvent).submitter;
        hold(event, target, () => resubmit(form, submitter));
      },
    ],
  ]);
};

function firstComposerIn(form: HTMLFormElement): Composer | null {
  for (const element of Array.from(form.querySelectorAll('textarea, input, [contenteditable]'))) {
    const found = composerAt(element);
    if (found && composerText(found).trim() !== '') return found;
  }
  return null;
}

/**
 * The look-ahead: the composer's content is checked (nothing recorded) whenever it changes, one check
 * at a time, the latest content winning. A send whose content was found clean goes out untouched.
 */
function createPreviews(context: TriggerContext) {
  let clean: string | null = null;
  let running = false;
  let queued: Composer | null = null;
  const key = (content: TransferContent) => `${content.plain}\u0000${content.html ?? ''}`;
  const run = async () => {
    running = true;
    while (queued) {
      const next = queued;
      queued = null;
      const content = composerContent(next);
      if (content.plain.trim() === '' || key(content) === clean) continue;
      try {
        if (await context.preview('send', content)) clean = key(content);
      } catch {
        // The send itself is checked in full; a failed look-ahead only costs the delay.
      }
    }
    running = false;
  };
  return {
    schedule(target: Composer) {
      queued = target;
      if (!running) void run();
    },
    isClean: (content: TransferContent) => key(content) === clean,
  };
}

/**
 * A composer that had text and is empty shortly after a click on a control the guard did not take for
 * the send button: the page sent it some other way, so the site changed. Reported as guard_unavailable.
 */
function watchUnrecognisedSends(context: TriggerContext, current: () => Composer | null) {
  let typedSince = 0;
  return {
    edited(_composer: Composer) {
      typedSince++;
    },
    clicked(control: HTMLElement, composer: Composer) {
      if (composer.contains(control) || composerText(composer).trim() === '') return;
      const mark = typedSince;
      setTimeout(() => {
        if (typedSince !== mark || current() !== composer || !composer.isConnected) return;
        if (composerText(composer).trim() === '') context.reportHealth('send', 'send-control');
      }, 800);
    },
  };
}
