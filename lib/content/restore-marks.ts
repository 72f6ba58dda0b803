// How restored placeholders are marked in the page: a dotted underline drawn with the CSS Custom Highlight
// API (ranges over the page's own text nodes: no element is added around the text, so the page's renderer
// never finds a node it did not make), and the index the tooltip uses to find the mark under the pointer.
// The ranges are StaticRanges: a live Range is updated by the browser on every change to the document, so
// thousands of them (a long restored answer) made every text write of the page and the restorer cost as
// much again; the restorer replaces a node's marks whenever that node changes, so nothing goes stale.

/** One restored placeholder on screen. */
export interface RestoreMark {
  range: StaticRange;
  placeholder: string;
  original: string;
}

export interface RestoreMarks {
  /** Replaces the marks `owner` (the text node where they start) had; `nodes` are the text nodes each touches. */
  set(owner: Text, marks: { mark: RestoreMark; nodes: Text[] }[]): void;
  /** The mark covering this caret position, if any. */
  at(node: Node, offset: number): RestoreMark | null;
  /** Drops marks of text nodes that left the document. */
  prune(): void;
  readonly size: number;
  remove(): void;
}

const highlightName = 'gatehouse-restored';
const style = `::highlight(${highlightName}) {
  text-decoration: underline dotted currentColor;
  text-decoration-thickness: 1px;
  text-underline-offset: 2px;
  background-color: rgba(250, 204, 21, 0.18);
}`;

export function createRestoreMarks(): RestoreMarks {
  const highlights = typeof CSS !== 'undefined' && 'highlights' in CSS ? CSS.highlights : null;
  const highlight = highlights ? new Highlight() : null;
  if (highlights && highlight) highlights.set(highlightName, highlight);
  const sheet = addStyle();
  const owned = new Map<Text, { mark: RestoreMark; nodes: Text[] }[]>();
  const byNode = new Map<Text, Set<RestoreMark>>();

  const drop = (owner: Text) => {
    for (const { mark, nodes } of owned.get(owner) ?? []) {
      highlight?.delete(mark.range);
      for (const node of nodes) {
        const set = byNode.get(node);
        set?.delete(mark);
        if (set?.size === 0) byNode.delete(node);
      }
    }
    owned.delete(owner);
  };

  const index = (marks: { mark: RestoreMark; nodes: Text[] }[]) => {
    for (const entry of marks) {
      highlight?.add(entry.mark.range);
      for (const node of entry.nodes) {
        let set = byNode.get(node);
        if (!set) byNode.set(node, (set = new Set()));
        set.add(entry.mark);
      }
    }
  };

  return {
    set(owner, marks) {
      drop(owner);
      if (marks.length === 0) return;
      owned.set(owner, marks);
      index(marks);
    },
    at(node, offset) {
      if (!(node instanceof Text)) return null;
      for (const mark of byNode.get(node) ?? []) if (covers(mark.range, node, offset)) return mark;
      return null;
    },
    prune() {
      const gone = [...owned.keys()].filter((owner) => !owner.isConnected);
      if (gone.length * 2 <= owned.size) {
        for (const owner of gone) drop(owner);
        return;
      }
      // Most of the marks went (a page that re-renders the whole answer): rebuild in one batch rather than
      // drop them one by one.
      for (const owner of gone) owned.delete(owner);
      highlight?.clear();
      byNode.clear();
      for (const marks of owned.values()) index(marks);
    },
    get size() {
      return owned.size;
    },
    remove() {
      for (const owner of [...owned.keys()]) drop(owner);
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
