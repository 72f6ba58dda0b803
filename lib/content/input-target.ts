// Where a paste or drop was going: remembered when it is intercepted, so the content lands there later.
export type FieldElement = HTMLTextAreaElement | HTMLInputElement;

export interface InputTarget {
  kind: 'paste' | 'drop';
  /** The node the original event was dispatched to; the re-dispatched event goes there too. */
  node: Node;
  /** A textarea or text input, or the contenteditable host, that receives the text. */
  editable: FieldElement | HTMLElement | null;
  fieldSelection: { start: number; end: number } | null;
  range: Range | null;
  point: { x: number; y: number } | null;
}

const textInputTypes = new Set(['text', 'search', 'url', 'tel', 'email', 'password', '']);

export function isField(element: Element | null): element is FieldElement {
  if (element instanceof HTMLTextAreaElement) return true;
  return element instanceof HTMLInputElement && textInputTypes.has(element.type);
}

export function captureTarget(event: Event, kind: InputTarget['kind']): InputTarget {
  const node = event.target instanceof Node ? event.target : document.body;
  const element = node instanceof Element ? node : node.parentElement;
  const point = event instanceof DragEvent ? { x: event.clientX, y: event.clientY } : null;
  if (isField(element)) {
    return {
      kind,
      node,
      editable: element,
      fieldSelection: { start: element.selectionStart ?? 0, end: element.selectionEnd ?? 0 },
      range: null,
      point,
    };
  }
  const host = editingHost(element);
  const selection = document.getSelection();
  const range = selection && selection.rangeCount > 0 ? selection.getRangeAt(0).cloneRange() : null;
  return { kind, node, editable: host, fieldSelection: null, range, point };
}

function editingHost(element: Element | null): HTMLElement | null {
  let host: HTMLElement | null = null;
  for (let el = element; el; el = el.parentElement) {
    if (el instanceof HTMLElement && el.isContentEditable) host = el;
    else if (host) break;
  }
  return host;
}

/** What the editable holds now, to tell whether an insertion arrived. */
export function editableSnapshot(target: InputTarget): string | null {
  const { editable } = target;
  if (!editable) return null;
  return isField(editable) ? editable.value : (editable.textContent ?? '');
}

/** Puts focus and caret back where the paste was aimed if a dialog or the user moved them. */
export function restoreFocus(target: InputTarget): void {
  const { editable } = target;
  if (!editable || !editable.isConnected) return;
  if (document.activeElement !== editable && !editable.contains(document.activeElement)) {
    editable.focus({ preventScroll: true });
    if (isField(editable) && target.fieldSelection) {
      editable.setSelectionRange(target.fieldSelection.start, target.fieldSelection.end);
    }
  }
  if (!isField(editable) && target.range) {
    const selection = document.getSelection();
    const inside = selection && selection.rangeCount > 0 && editable.contains(selection.anchorNode);
    if (selection && !inside && target.range.startContainer.isConnected) {
      selection.removeAllRanges();
      selection.addRange(target.range);
    }
  }
}
