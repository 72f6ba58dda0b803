// The in-page notice and warn dialog: a closed shadow root, so the site's CSS and scripts cannot reach it.
import type { Translate } from '../translate';

export interface NoticeLabels {
  title: string;
  close: string;
}

export function noticeLabels(t: Translate): NoticeLabels {
  return { title: t('paste_notice_label'), close: t('paste_button_close') };
}

export interface DialogOptions {
  title: string;
  body: string;
  /** The organisation's message from the policy. */
  message?: string | undefined;
  buttons: { id: 'redacted' | 'cancelled' | 'original'; label: string }[];
  /** Shown (and required) when the user picks "original". */
  justificationLabel?: string | undefined;
  close: string;
}

export interface DialogChoice {
  choice: 'redacted' | 'cancelled' | 'original';
  justification: string;
}

const style = `
:host { all: initial; }
.box { position: fixed; z-index: 2147483647; right: 16px; bottom: 16px; max-width: min(420px, calc(100vw - 32px));
  max-height: calc(100vh - 32px); overflow-y: auto;
  box-sizing: border-box; padding: 12px 14px; border-radius: 8px; background: #1f2937; color: #f9fafb;
  font: 14px/1.4 system-ui, sans-serif; box-shadow: 0 4px 16px rgba(0,0,0,.3); }
.box.block { background: #7f1d1d; }
.row { display: flex; gap: 8px; align-items: flex-start; }
.text { flex: 1; margin: 0; }
.message { margin: 6px 0 0; opacity: .9; }
button { font: inherit; border-radius: 6px; border: 1px solid #9ca3af; background: #374151; color: inherit;
  padding: 4px 10px; cursor: pointer; }
button:focus-visible, textarea:focus-visible { outline: 2px solid #93c5fd; outline-offset: 2px; }
button { min-height: 24px; min-width: 24px; }
@media (prefers-color-scheme: dark) { .box { border: 1px solid #9ca3af; } }
.close { border: none; background: transparent; padding: 0 4px; font-size: 18px; line-height: 1; }
.actions { display: flex; gap: 8px; margin-top: 10px; flex-wrap: wrap; }
label { display: block; margin-top: 8px; }
textarea { width: 100%; box-sizing: border-box; margin-top: 4px; font: inherit; }
`;

let current: {
  host: HTMLElement;
  root: ShadowRoot;
  timer: number | undefined;
  /** An open dialog answers "cancelled" when a newer paste replaces it, so no paste is left hanging. */
  onReplaced?: () => void;
} | null = null;

function mount(): { root: ShadowRoot; host: HTMLElement } {
  dismiss();
  const host = document.createElement('gatehouse-paste-notice');
  const root = host.attachShadow({ mode: 'closed' });
  const sheet = document.createElement('style');
  sheet.textContent = style;
  root.append(sheet);
  (document.body ?? document.documentElement).append(host);
  current = { host, root, timer: undefined };
  return { root, host };
}

export function dismiss(): void {
  if (!current) return;
  const { onReplaced } = current;
  window.clearTimeout(current.timer);
  current.host.remove();
  current = null;
  onReplaced?.();
}

/** A polite status message ("Gatehouse replaced 2 email addresses"), dismissed after a while. */
export function showNotice(
  text: string,
  labels: NoticeLabels,
  tone: 'info' | 'block',
  message?: string,
): void {
  const { root } = mount();
  const box = element('div', {
    class: `box ${tone}`,
    role: 'status',
    'aria-live': 'polite',
    'aria-label': labels.title,
  });
  const row = element('div', { class: 'row' });
  const close = element('button', { class: 'close', type: 'button', 'aria-label': labels.close }, '×');
  close.addEventListener('click', dismiss);
  row.append(element('p', { class: 'text' }), close);
  box.append(row);
  root.append(box);
  // Filling the live region after it is in the tree makes screen readers announce it.
  requestAnimationFrame(() => {
    row.querySelector('.text')!.textContent = text;
    if (message) box.append(element('p', { class: 'message' }, message));
  });
  if (current) current.timer = window.setTimeout(dismiss, tone === 'block' ? 15_000 : 8_000);
}

/** A modal choice (warn mode, or a block the admin lets users override). Escape cancels. */
export function askUser(options: DialogOptions): Promise<DialogChoice> {
  const { root } = mount();
  const titleId = 'gatehouse-paste-title';
  const box = element('div', {
    class: 'box',
    role: 'alertdialog',
    'aria-modal': 'true',
    'aria-labelledby': titleId,
  });
  box.append(
    element('p', { class: 'text', id: titleId }, options.title),
    element('p', { class: 'message' }, options.body),
  );
  if (options.message) box.append(element('p', { class: 'message' }, options.message));
  let justification: HTMLTextAreaElement | null = null;
  if (options.justificationLabel && options.buttons.some((b) => b.id === 'original')) {
    const label = element('label', {}, options.justificationLabel);
    justification = element('textarea', { rows: '2', maxlength: '2000' });
    label.append(justification);
    box.append(label);
  }
  const actions = element('div', { class: 'actions' });
  box.append(actions);
  root.append(box);
  return new Promise((resolve) => {
    const finish = (choice: DialogChoice['choice']) => {
      if (current) current.onReplaced = undefined;
      dismiss();
      resolve({ choice, justification: justification?.value.trim() ?? '' });
    };
    if (current) current.onReplaced = () => resolve({ choice: 'cancelled', justification: '' });
    for (const spec of options.buttons) {
      const button = element('button', { type: 'button', 'data-choice': spec.id }, spec.label);
      button.addEventListener('click', (event) => {
        // Only the user's own click counts: the page could script one on an open root.
        if (!event.isTrusted) return;
        if (spec.id === 'original' && justification && !justification.value.trim()) {
          justification.focus();
          return;
        }
        finish(spec.id);
      });
      actions.append(button);
    }
    box.addEventListener('keydown', (event) => {
      if (event.key === 'Escape' && event.isTrusted) finish('cancelled');
      event.stopPropagation();
    });
    (actions.firstElementChild as HTMLElement | null)?.focus();
  });
}

function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Record<string, string>,
  text?: string,
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
  if (text !== undefined) el.textContent = text;
  return el;
}
