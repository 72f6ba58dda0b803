// The composer: the field or editor a prompt is typed into, its send control, and replacing its text
// through the editor's own input path (a paste over the whole content, so undo and the model stay right).
import { insertContent } from './insert-content';
import { editingHost, isField, targetAt, type FieldElement } from './input-target';
import type { TransferContent } from './transfer';

export type Composer = FieldElement | HTMLElement;

/** The composer an event's node is in: a text field, or the outermost contenteditable host around it. */
export function composerAt(node: Node): Composer | null {
  const element = node instanceof Element ? node : node.parentElement;
  if (isField(element)) return element.type === 'password' ? null : element;
  return editingHost(element);
}

/** What the composer holds, as the page would send it: the field's value, or the editor's text and HTML. */
export function composerContent(composer: Composer): TransferContent {
  if (isField(composer)) return { plain: composer.value, html: null, other: [], files: [] };
  // innerText follows the rendering (line breaks between blocks), as a user reading it would.
  return { plain: composer.innerText.replace(/\n$/, ''), html: composer.innerHTML, other: [], files: [] };
}

export function composerText(composer: Composer): string {
  return isField(composer) ? composer.value : composer.innerText.replace(/\n$/, '');
}

/**
 * Replaces everything in the composer with `content`, the way a user pasting over a selection would:
 * the editor (ProseMirror, Lexical, Quill, CodeMirror) takes the paste into its own model and undo
 * history; a plain field or contenteditable gets execCommand's insertion, which the browser's undo knows.
 */
export async function replaceComposerContent(composer: Composer, content: TransferContent): Promise<void> {
  composer.focus({ preventScroll: true });
  if (isField(composer)) {
    composer.setSelectionRange(0, composer.value.length);
  } else {
    document.getSelection()?.selectAllChildren(composer);
    // Editors learn of the new selection from selectionchange, which fires in a later task.
    await nextTask();
  }
  await insertContent(targetAt(composer, 'paste'), content);
  // Lexical and others commit the paste in a microtask; the page's send reads the committed model.
  await nextTask();
}

function nextTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

const sendWords =
  /\b(send|submit|senden|absenden|envoyer|invia|inviare|enviar|verzenden|versturen|verstuur|wy[sś]lij)\b|送信|发送|發送|傳送|전송|보내기/i;
const clickable = 'button, [role="button"], input[type="submit"], input[type="image"], input[type="button"]';

/** The clickable element a click landed on, if any (the composed path reaches into open shadow roots). */
export function clickedControl(event: Event): HTMLElement | null {
  for (const node of event.composedPath()) {
    if (node instanceof HTMLElement && node.matches(clickable)) return node;
    if (node === document.body) break;
  }
  return null;
}

/**
 * Whether `control` sends `composer`'s content: a submit button of the composer's form, or a button
 * that calls itself "send" (label, title, test id, text) close to the composer, inside or outside a form.
 */
export function isSendControl(control: HTMLElement, composer: Composer): boolean {
  if (control.matches(':disabled, [aria-disabled="true"]')) return false;
  const form = isField(composer) ? composer.form : composer.closest('form');
  const submits =
    (control instanceof HTMLButtonElement && control.type === 'submit') ||
    (control instanceof HTMLInputElement && (control.type === 'submit' || control.type === 'image'));
  if (form && submits && (control as HTMLButtonElement).form === form) return true;
  const name = [
    control.getAttribute('aria-label'),
    control.getAttribute('title'),
    control.getAttribute('data-testid'),
    control.getAttribute('name'),
    control.id,
    control.textContent?.slice(0, 100),
  ]
    .filter(Boolean)
    .join(' ')
    .replace(/[-_]/g, ' ');
  return (sendWords.test(name) || submits) && nearby(control, composer);
}

/** Within a few levels of a common ancestor: a composer's own toolbar, not a button elsewhere on the page. */
function nearby(control: Element, composer: Element): boolean {
  let ancestor: Element | null = composer;
  for (let level = 0; ancestor && level < 8; level++) {
    if (ancestor.contains(control)) return true;
    ancestor =
      ancestor.parentElement ?? ((ancestor.getRootNode() as ShadowRoot).host as Element | undefined) ?? null;
  }
  return false;
}
