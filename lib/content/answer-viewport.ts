// Which children of an answer the page re-renders whole are near the viewport, so the restorer restores
// those before the next paint and the others once the page stops re-rendering. Measured once the browser
// has laid a frame out (a ResizeObserver reports a newly observed element after layout and before paint:
// the container's new last child is observed) while the answer's end is near the viewport or nothing is
// known, and after each scroll or resize. Once the near children end before the last one, an answer that
// grows at its end leaves them where they are: no callback runs after each layout (the first script to run
// after a layout is where the engine finishes a pending garbage collection). Children are taken to be laid
// out top to bottom, as the blocks of an answer are.

/** Element children by index (0-based, inclusive): those within a screen of the viewport, and how many. */
export interface NearChildren {
  first: number;
  last: number;
  count: number;
}

export interface AnswerViewport {
  /** The children of `container` near the viewport at its last layout; null before one was measured. */
  near(container: Element): NearChildren | null;
  /**
   * The restorer restored `container`'s children this frame: counts them (the next frame's are new from
   * there), and measures after this frame's layout if its end is near the viewport or nothing is known.
   */
  rendered(container: Element): void;
  stop(): void;
}

/** `scrolled` runs after a scroll was measured: children that came near the viewport may wait. */
export function watchAnswerViewport(scrolled: () => void): AnswerViewport {
  const measured = new Map<Element, NearChildren | null>();

  const measure = (container: Element) => {
    const children = container.children;
    const count = children.length;
    // A screen above and below: what a scroll until the next frame can bring.
    const above = -innerHeight;
    const below = 2 * innerHeight;
    let low = 0;
    let high = count;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (children[mid]!.getBoundingClientRect().bottom < above) low = mid + 1;
      else high = mid;
    }
    const first = low;
    high = count;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (children[mid]!.getBoundingClientRect().top <= below) low = mid + 1;
      else high = mid;
    }
    measured.set(container, { first, last: low - 1, count });
  };

  /** Per container, the child observed to learn that its frame was laid out. */
  const observed = new Map<Element, Element>();
  const resized = new ResizeObserver((entries) => {
    for (const entry of entries) {
      const container = entry.target.parentElement;
      if (container && observed.get(container) === entry.target) measure(container);
    }
  });
  const forget = (container: Element) => {
    measured.delete(container);
    const child = observed.get(container);
    if (child) resized.unobserve(child);
    observed.delete(container);
  };
  const onScroll = () => {
    for (const container of measured.keys()) {
      if (container.isConnected) measure(container);
      else forget(container);
    }
    scrolled();
  };
  document.addEventListener('scroll', onScroll, { capture: true, passive: true });
  addEventListener('resize', onScroll, { passive: true });

  return {
    near: (container) => measured.get(container) ?? null,
    rendered(container) {
      for (const known of measured.keys()) if (!known.isConnected) forget(known);
      const near = measured.get(container);
      const count = container.childElementCount;
      const before = observed.get(container);
      if (before) resized.unobserve(before);
      observed.delete(container);
      if (near && near.last < near.count - 1 && count >= near.count) {
        measured.set(container, { ...near, count });
        return;
      }
      measured.set(container, null);
      // A newly observed element is reported after the next layout, whatever its size.
      const child = container.lastElementChild;
      if (!child) return;
      observed.set(container, child);
      resized.observe(child);
    },
    stop() {
      resized.disconnect();
      document.removeEventListener('scroll', onScroll, { capture: true });
      removeEventListener('resize', onScroll);
      measured.clear();
      observed.clear();
    },
  };
}

/** Children by index, from and to (inclusive). */
export type ChildSpan = [number, number];

/**
 * The children of a container re-rendered whole that can wait, given those near the viewport at the last
 * layout: all but the near ones and the last one measured on (it may have grown; those after it are new).
 * Null when none can.
 */
export function childrenAway(near: NearChildren): ChildSpan[] | null {
  const tail = near.count - 1;
  const spans: ChildSpan[] = [];
  if (near.first > 0) spans.push([0, Math.min(near.first, tail) - 1]);
  if (near.last + 1 < tail) spans.push([Math.max(near.last + 1, 0), tail - 1]);
  return spans.length > 0 ? spans : null;
}

/** Splits waiting spans into the children from `first` to `last` (now) and the others (later). */
export function splitSpans(
  spans: readonly ChildSpan[],
  first: number,
  last: number,
): { now: ChildSpan[]; later: ChildSpan[] } {
  const now: ChildSpan[] = [];
  const later: ChildSpan[] = [];
  for (const [from, to] of spans) {
    if (to < first || from > last) {
      later.push([from, to]);
      continue;
    }
    if (from < first) later.push([from, first - 1]);
    now.push([Math.max(from, first), Math.min(to, last)]);
    if (to > last) later.push([last + 1, to]);
  }
  return { now, later };
}
