// Inserts the (redacted) content exactly once, in a way each kind of editor accepts, and checks it arrived.
import { buildTransfer, pasteEventWith, type TransferContent } from './transfer';
import { editableSnapshot, isField, restoreFocus, type InputTarget } from './input-target';

/** Events Gatehouse dispatched itself: the guard lets each of them through untouched. */
export const ownEvents = new WeakSet<Event>();

export type InsertPath = 'editor' | 'exec-command' | 'fallback' | 'none';

/**
 * 1. Re-dispatch the paste (or drop) with a new DataTransfer: ProseMirror, Lexical, Quill, CodeMirror
 *    and the page's own handlers read it and call preventDefault.
 * 2. If nobody took it, do what the browser's default action would: execCommand('insertText'), which
 *    fires native beforeinput/input and keeps the undo stack (textarea, input, plain contenteditable).
 * 3. If the text still did not arrive: setRangeText/Range insertion plus an InputEvent.
 */
export async function insertContent(target: InputTarget, content: TransferContent): Promise<InsertPath> {
  restoreFocus(target);
  const before = editableSnapshot(target);
  const event =
    target.kind === 'paste'
      ? pasteEventWith(content, { bubbles: true, cancelable: true, composed: true })
      : new DragEvent('drop', {
          dataTransfer: buildTransfer(content),
          bubbles: true,
          cancelable: true,
          composed: true,
          clientX: target.point?.x ?? 0,
          clientY: target.point?.y ?? 0,
        });
  ownEvents.add(event);
  const node = target.node.isConnected ? target.node : (target.editable ?? document.body);
  node.dispatchEvent(event);
  // A handler that prevented the default took the paste, as with a native one (it may turn it into
  // an attachment). A drop is different: editors cancel it and still rely on the native insertion.
  if (event.defaultPrevented) {
    if (target.kind === 'paste') return 'editor';
    // Lexical and others commit their update in a microtask: look once it has run.
    await nextTask();
    if (editableSnapshot(target) !== before) return 'editor';
  }
  if (!target.editable || content.plain.length === 0) return 'none';
  if (target.kind === 'drop') placeCaretAtDrop(target);
  if (suitsExecCommand(content.plain)) {
    closeTypingGroup(target);
    // execCommand is deprecated but remains the only way to insert like the user did, with undo.
    document.execCommand('insertText', false, content.plain);
    if (editableSnapshot(target) !== before) return 'exec-command';
    // Editors that cancel beforeinput and insert themselves (Lexical) render in a microtask.
    await nextTask();
    if (editableSnapshot(target) !== before) return 'exec-command';
  }
  insertDirectly(target, content.plain);
  return 'fallback';
}

/**
 * Blink's insertText splits text into one paragraph command per line, each costing time in the size
 * of the field: 1,000 lines take ~2 s, 3,000 lines ~17 s (measured in Chromium). Beyond a small
 * paste the direct path is used: instant, but the browser's undo stack does not record it.
 */
function suitsExecCommand(text: string): boolean {
  if (text.length > 200_000) return false;
  let lines = 0;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) if (++lines > 40) return false;
  return true;
}

/**
 * Blink merges consecutive insertText commands into one undo step, so the paste would be undone
 * together with what the user typed before it. Moving the selection away and back closes the group,
 * making the paste its own undo step as a native paste is.
 */
function closeTypingGroup(target: InputTarget): void {
  const { editable } = target;
  if (!editable) return;
  if (isField(editable)) {
    const { selectionStart, selectionEnd, selectionDirection } = editable;
    if (selectionStart === null || selectionEnd === null) return;
    editable.setSelectionRange(selectionStart === 0 ? 1 : 0, selectionStart === 0 ? 1 : 0);
    editable.setSelectionRange(selectionStart, selectionEnd, selectionDirection ?? 'none');
    return;
  }
  const selection = document.getSelection();
  if (!selection || selection.rangeCount === 0) return;
  const range = selection.getRangeAt(0).cloneRange();
  selection.selectAllChildren(editable);
  selection.removeAllRanges();
  selection.addRange(range);
}

function nextTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

function placeCaretAtDrop(target: InputTarget): void {
  const { editable, point } = target;
  if (!editable || !point || isField(editable)) return;
  const range = document.caretRangeFromPoint(point.x, point.y);
  if (!range || !editable.contains(range.startContainer)) return;
  const selection = document.getSelection();
  selection?.removeAllRanges();
  selection?.addRange(range);
}

function insertDirectly(target: InputTarget, text: string): void {
  const { editable } = target;
  if (!editable) return;
  const inputType = target.kind === 'paste' ? 'insertFromPaste' : 'insertFromDrop';
  if (isField(editable)) {
    const start = editable.selectionStart ?? editable.value.length;
    const end = editable.selectionEnd ?? start;
    editable.setRangeText(text, start, end, 'end');
  } else {
    const selection = document.getSelection();
    if (!selection || selection.rangeCount === 0) return;
    const range = selection.getRangeAt(0);
    range.deleteContents();
    // Lines become text nodes separated by <br>, as a plain-text paste into contenteditable does.
    const fragment = document.createDocumentFragment();
    text.split(/\r\n|\r|\n/).forEach((line, i) => {
      if (i > 0) fragment.append(document.createElement('br'));
      if (line) fragment.append(line);
    });
    const last = fragment.lastChild;
    range.insertNode(fragment);
    if (last) range.setStartAfter(last);
    range.collapse(true);
    selection.removeAllRanges();
    selection.addRange(range);
  }
  const input = new InputEvent('input', { inputType, data: text, bubbles: true, composed: true });
  ownEvents.add(input);
  editable.dispatchEvent(input);
}
