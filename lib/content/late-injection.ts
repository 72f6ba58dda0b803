// Pages that were already open when the guard arrived (install, update, a policy that turns the guard on):
// the page's own listeners were registered before the guard's and see an input first. The guard cannot
// get ahead of them, so it holds pastes there (the keyboard shortcut, the context menu) and asks the user
// to reload; after the reload it runs first. A copy orphaned by an update holds pastes the same way.
import type { Translate } from '../translate';
import { isField, editingHost, eventNode } from './input-target';
import { showReloadNotice } from './guard-notice';
import type { TriggerContext } from './triggers/trigger';
import { listenFirst } from './triggers/trigger';

/** Whether this copy started after the page's own scripts (it was injected into an open tab). */
export function injectedLate(): boolean {
  return document.readyState !== 'loading' && /^https?:$/.test(location.protocol);
}

export interface LateProtection {
  /** Holds an input with the "reload to protect this page" notice. */
  hold(event: Event): void;
  remove(): void;
}

export function protectLateInjection(
  env: { t: Translate; isAlive: () => boolean },
  context: Pick<TriggerContext, 'status'>,
): LateProtection {
  // Read now: an orphaned copy can no longer reach the extension's messages.
  const words = {
    text: env.t('guard_reload_notice'),
    reload: env.t('guard_reload_button'),
    close: env.t('paste_button_close'),
    title: env.t('paste_notice_label'),
  };
  const late = injectedLate();
  const guarded = () => context.status()?.guarded !== false;
  const hold = (event: Event) => {
    event.preventDefault();
    event.stopImmediatePropagation();
    showReloadNotice(words, () => location.reload());
  };
  const remove = listenFirst([
    [
      'keydown',
      (event) => {
        const key = event as KeyboardEvent;
        if (!late || !key.isTrusted || !guarded()) return;
        const paste =
          ((key.ctrlKey || key.metaKey) && !key.altKey && key.key.toLowerCase() === 'v') ||
          (key.shiftKey && key.key === 'Insert');
        // Cancelling the shortcut cancels the paste: no paste event reaches any listener.
        if (paste && inEditable(event)) hold(event);
      },
    ],
    [
      'contextmenu',
      (event) => {
        // The menu's Paste cannot be cancelled before the page's earlier listeners see it: no menu here.
        if (late && event.isTrusted && guarded() && inEditable(event)) hold(event);
      },
    ],
  ]);
  return { hold, remove };
}

function inEditable(event: Event): boolean {
  const node = eventNode(event);
  const element = node instanceof Element ? node : node.parentElement;
  return isField(element) || editingHost(element) !== null;
}
