// The tooltip over a restored placeholder: "Restored on this device by Gatehouse", and with
// `restoreDisplay: on-hover` the original itself. It lives in a closed shadow root the page's scripts cannot
// open, so an original shown there never enters the page's DOM text.
import type { RestoreDisplay } from '../guard/restore-text';
import { liveRange, type RestoreMark, type RestoreMarks } from './restore-marks';

const style = `
:host { all: initial; }
.tip { position: fixed; z-index: 2147483647; pointer-events: none; max-width: 420px; box-sizing: border-box;
  padding: 6px 10px; border-radius: 6px; background: #1f2937; color: #f9fafb;
  font: 13px/1.4 system-ui, sans-serif; box-shadow: 0 2px 8px rgba(0,0,0,.3); overflow-wrap: anywhere; }
.original { display: block; font-weight: 600; font-size: 14px; white-space: pre-wrap; }
.label { display: block; opacity: .85; }
`;

export function startRestoreTooltip(marks: RestoreMarks, display: RestoreDisplay, label: string): () => void {
  let tip: { host: HTMLElement; box: HTMLElement; mark: RestoreMark | null } | null = null;
  let point: { x: number; y: number } | null = null;
  let frame = 0;

  const mount = () => {
    if (tip?.host.isConnected) return tip;
    const host = document.createElement('gatehouse-restore-tip');
    const root = host.attachShadow({ mode: 'closed' });
    const sheet = document.createElement('style');
    sheet.textContent = style;
    const box = document.createElement('div');
    box.className = 'tip';
    box.setAttribute('role', 'tooltip');
    box.hidden = true;
    root.append(sheet, box);
    document.documentElement.append(host);
    tip = { host, box, mark: null };
    return tip;
  };

  const hide = () => {
    if (!tip || tip.mark === null) return;
    tip.mark = null;
    tip.box.hidden = true;
    tip.box.replaceChildren();
  };

  const show = (mark: RestoreMark, rect: DOMRect) => {
    const { box } = mount();
    if (tip!.mark !== mark) {
      tip!.mark = mark;
      const parts: HTMLElement[] = [];
      if (display === 'on-hover') {
        const original = document.createElement('span');
        original.className = 'original';
        original.textContent = mark.original;
        parts.push(original);
      }
      const text = document.createElement('span');
      text.className = 'label';
      text.textContent = label;
      parts.push(text);
      box.replaceChildren();
      for (const part of parts) box.append(part);
    }
    box.hidden = false;
    const below = rect.bottom + 6;
    const fits = below + box.offsetHeight < window.innerHeight;
    box.style.top = `${fits ? below : Math.max(0, rect.top - 6 - box.offsetHeight)}px`;
    box.style.left = `${Math.max(0, Math.min(rect.left, window.innerWidth - box.offsetWidth))}px`;
  };

  const check = () => {
    frame = 0;
    if (!point || marks.size === 0) return hide();
    const caret = caretAt(point.x, point.y);
    const mark = caret ? marks.at(caret.node, caret.offset) : null;
    const range = mark ? liveRange(mark) : null;
    const rect = range ? rectAt(range, point.x, point.y) : null;
    if (mark && rect) show(mark, rect);
    else hide();
  };

  const onMove = (event: MouseEvent) => {
    point = { x: event.clientX, y: event.clientY };
    if (marks.size === 0 && !tip?.mark) return;
    frame ||= requestAnimationFrame(check);
  };
  const onLeave = () => {
    point = null;
    hide();
  };
  window.addEventListener('mousemove', onMove, { capture: true, passive: true });
  window.addEventListener('scroll', onLeave, { capture: true, passive: true });
  document.documentElement.addEventListener('mouseleave', onLeave);
  return () => {
    window.removeEventListener('mousemove', onMove, { capture: true });
    window.removeEventListener('scroll', onLeave, { capture: true });
    document.documentElement.removeEventListener('mouseleave', onLeave);
    if (frame) cancelAnimationFrame(frame);
    tip?.host.remove();
    tip = null;
  };
}

/** The text position under a point (Chromium and Firefox have caretPositionFromPoint; older Chromium the range form). */
function caretAt(x: number, y: number): { node: Node; offset: number } | null {
  const doc = document as Document & {
    caretPositionFromPoint?: (x: number, y: number) => { offsetNode: Node; offset: number } | null;
  };
  if (doc.caretPositionFromPoint) {
    const position = doc.caretPositionFromPoint(x, y);
    return position ? { node: position.offsetNode, offset: position.offset } : null;
  }
  const range = document.caretRangeFromPoint(x, y);
  return range ? { node: range.startContainer, offset: range.startOffset } : null;
}

/** The line box of the range under the point, if the point is really on it (not just nearest to it). */
function rectAt(range: Range, x: number, y: number): DOMRect | null {
  for (const rect of Array.from(range.getClientRects())) {
    if (x >= rect.left - 1 && x <= rect.right + 1 && y >= rect.top - 1 && y <= rect.bottom + 1) return rect;
  }
  return null;
}
