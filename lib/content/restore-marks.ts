// How restored placeholders are marked in the page: a dotted underline drawn with the CSS Custom Highlight
// API (ranges over the page's own text nodes: no element is added around the text, so the page's renderer
// never finds a node it did not make), and the index the tooltip uses to find the mark under the pointer.
// The ranges are StaticRanges: a live Range is updated by the browser on every change to the document, so
// thousands of them (a long restored answer) made every text write of the page and the restorer cost as
// much again; the restorer replaces a node's marks whenever that node changes, so nothing goes stale.
// The browser redoes the markers of every range in a highlight whenever anything in the document changes
// (and repaints their text), so the highlight holds only the marks near the viewport, and a new mark shows
// once its text has lasted a frame: a page that re-renders the whole answer per chunk replaces it first.

/** One restored placeholder on screen. */
export interface RestoreMark {
  range: StaticRange;
  placeholder: string;
  original: string;
}

/** A restored placeholder to mark: where it is shown, and the text nodes it touches. */
export interface MarkSpec {
  range: StaticRangeInit;
  placeholder: string;
  original: string;
  nodes: Text[];
}

/**
 * The marks of one owner, or how to make them for it: a text shown by many nodes in turn (a page that
 * re-renders the whole answer per chunk) shares one maker, and its marks are made only for the nodes that
 * last a frame.
 */
export type OwnerMarks = readonly MarkSpec[] | ((owner: Text) => readonly MarkSpec[]);

export interface RestoreMarks {
  /**
   * Replaces the marks `owner` (the text node where they start) had: the old ones go at once, the new ones
   * show once their nodes are still in the page a frame later.
   */
  set(owner: Text, marks: OwnerMarks): void;
  /** The mark covering this caret position, if any. */
  at(node: Node, offset: number): RestoreMark | null;
  /** Drops marks of text nodes that left the document, shown or waiting. */
  prune(): void;
  /** Owners with marks, shown or waiting. */
  readonly size: number;
  remove(): void;
}

/** Runs `callback` at the next animation frame; returns a cancel. */
export type FrameScheduler = (callback: () => void) => () => void;

const nextFrame: FrameScheduler = (callback) => {
  const id = requestAnimationFrame(callback);
  return () => cancelAnimationFrame(id);
};

const highlightName = 'gatehouse-restored';
const style = `::highlight(${highlightName}) {
  text-decoration: underline dotted currentColor;
  text-decoration-thickness: 1px;
  text-underline-offset: 2px;
  background-color: rgba(250, 204, 21, 0.18);
}`;

export function createRestoreMarks(frame: FrameScheduler = nextFrame): RestoreMarks {
  const highlights = typeof CSS !== 'undefined' && 'highlights' in CSS ? CSS.highlights : null;
  const highlight = highlights ? new Highlight() : null;
  if (highlights && highlight) highlights.set(highlightName, highlight);
  const sheet = addStyle();
  type Entry = { mark: RestoreMark; nodes: Text[] };
  const owned = new Map<Text, Entry[]>();
  const byNode = new Map<Text, Set<RestoreMark>>();
  /**
   * Marks not shown yet, and the frame count when they came: two maps rather than an object per owner (a
   * page that re-renders the whole answer sets thousands per frame, none of which lasts).
   */
  const pending = new Map<Text, OwnerMarks>();
  const cameAt = new Map<Text, number>();
  let frames = 0;
  let cancel: (() => void) | null = null;

  /**
   * Only marks near the viewport are in the highlight: the browser rebuilds every range of a highlight
   * whenever anything in the document changes (a streaming answer changes it every frame), so its work
   * follows the marks in view, not the marks of the whole conversation. Watched per element holding marks.
   */
  const ownersIn = new Map<Element, Set<Text>>();
  const elementOf = new Map<Text, Element>();
  const inView = new Set<Element>();
  const showAll = typeof IntersectionObserver === 'undefined';
  const ranges = (owner: Text) => (owned.get(owner) ?? []).map((entry) => entry.mark.range);
  const view = showAll
    ? null
    : new IntersectionObserver(
        (changes) => {
          for (const change of changes) {
            const owners = ownersIn.get(change.target);
            if (!owners) continue;
            if (change.isIntersecting === inView.has(change.target)) continue;
            if (change.isIntersecting) inView.add(change.target);
            else inView.delete(change.target);
            for (const owner of owners)
              for (const range of ranges(owner))
                if (change.isIntersecting) highlight?.add(range);
                else highlight?.delete(range);
          }
        },
        // A screen above and below: marks are there before they scroll into view.
        { rootMargin: '100% 0px' },
      );
  const shown = (owner: Text) => {
    const element = elementOf.get(owner);
    return showAll || !element || inView.has(element);
  };

  const drop = (owner: Text) => {
    const visible = shown(owner);
    for (const { mark, nodes } of owned.get(owner) ?? []) {
      if (visible) highlight?.delete(mark.range);
      for (const node of nodes) {
        const set = byNode.get(node);
        set?.delete(mark);
        if (set?.size === 0) byNode.delete(node);
      }
    }
    owned.delete(owner);
    unwatch(owner);
  };

  const unwatch = (owner: Text) => {
    const element = elementOf.get(owner);
    elementOf.delete(owner);
    const owners = element && ownersIn.get(element);
    if (!element || !owners) return;
    owners.delete(owner);
    if (owners.size > 0) return;
    ownersIn.delete(element);
    inView.delete(element);
    view?.unobserve(element);
  };

  const index = (owner: Text, marks: Entry[]) => {
    const visible = shown(owner);
    for (const entry of marks) {
      if (visible) highlight?.add(entry.mark.range);
      for (const node of entry.nodes) {
        let set = byNode.get(node);
        if (!set) byNode.set(node, (set = new Set()));
        set.add(entry.mark);
      }
    }
  };

  const watch = (owner: Text) => {
    const element = owner.parentElement;
    if (!element || !view) return;
    elementOf.set(owner, element);
    let owners = ownersIn.get(element);
    if (!owners) {
      ownersIn.set(element, (owners = new Set()));
      // The first report says whether it is in view; until then its marks wait outside the highlight.
      view.observe(element);
    }
    owners.add(owner);
  };

  /**
   * Each frame: shows the marks that came before the previous frame (so a whole frame of the page's has
   * passed since, whichever of its callbacks and this one runs first) and whose text is still in the page.
   */
  const onFrame = () => {
    cancel = null;
    frames++;
    for (const [owner, made] of pending) {
      if (cameAt.get(owner)! >= frames - 1) continue;
      forget(owner);
      if (!owner.isConnected) continue;
      const marks = typeof made === 'function' ? made(owner) : made;
      if (!marks.every((m) => m.nodes.every((n) => n.isConnected))) continue;
      const entries = marks.map(({ range, placeholder, original, nodes }) => ({
        mark: { range: new StaticRange(range), placeholder, original },
        nodes,
      }));
      owned.set(owner, entries);
      watch(owner);
      index(owner, entries);
    }
    if (pending.size > 0) cancel = frame(onFrame);
  };

  const forget = (owner: Text) => {
    pending.delete(owner);
    cameAt.delete(owner);
  };

  return {
    set(owner, marks) {
      if (owned.has(owner)) drop(owner);
      if (typeof marks !== 'function' && marks.length === 0) {
        if (pending.size > 0) forget(owner);
        return;
      }
      pending.set(owner, marks);
      cameAt.set(owner, frames);
      cancel ??= frame(onFrame);
    },
    at(node, offset) {
      if (!(node instanceof Text)) return null;
      for (const mark of byNode.get(node) ?? []) if (covers(mark.range, node, offset)) return mark;
      return null;
    },
    prune() {
      // Waiting marks of replaced text go too: without frames (a hidden tab) they would pile up.
      for (const owner of pending.keys()) if (!owner.isConnected) forget(owner);
      const gone = [...owned.keys()].filter((owner) => !owner.isConnected);
      if (gone.length * 2 <= owned.size) {
        for (const owner of gone) drop(owner);
        return;
      }
      // Most of the marks went (a page that re-renders the whole answer): rebuild in one batch rather than
      // drop them one by one.
      for (const owner of gone) {
        owned.delete(owner);
        unwatch(owner);
      }
      highlight?.clear();
      byNode.clear();
      for (const [owner, marks] of owned) index(owner, marks);
    },
    get size() {
      return owned.size + pending.size;
    },
    remove() {
      cancel?.();
      cancel = null;
      pending.clear();
      cameAt.clear();
      for (const owner of [...owned.keys()]) drop(owner);
      view?.disconnect();
      if (highlights?.get(highlightName) === highlight) highlights?.delete(highlightName);
      sheet();
    },
  };
}

/** Whether a caret position in `node`, one of the text nodes the range touches, is inside it. */
function covers(range: StaticRange, node: Text, offset: number): boolean {
  if (node === range.startContainer && offset < range.startOffset) return false;
  if (node === range.endContainer && offset > range.endOffset) return false;
  return true;
}

/** A live Range over the mark, for measuring it on screen; null when its text changed since. */
export function liveRange(mark: RestoreMark): Range | null {
  const { startContainer, startOffset, endContainer, endOffset } = mark.range;
  if (!startContainer.isConnected || !endContainer.isConnected) return null;
  try {
    const range = document.createRange();
    range.setStart(startContainer, startOffset);
    range.setEnd(endContainer, endOffset);
    return range;
  } catch {
    return null;
  }
}

/** The highlight's style, in the page's own style sheets (a highlight is styled by the document). */
function addStyle(): () => void {
  try {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(style);
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
    return () => {
      document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== sheet);
    };
  } catch {
    const element = document.createElement('style');
    element.textContent = style;
    (document.head ?? document.documentElement).append(element);
    return () => element.remove();
  }
}
