// The children of a long answer that a page re-renders whole per chunk (innerHTML of the answer), which
// wait to be restored. Restoring all of them before every paint grows with the answer; only what can be
// seen in this frame needs it. So the children near the viewport at the last layout, and those from the
// last one measured on (new, or grown), are restored at once; the others wait for the page to stop
// re-rendering (idle moments), a scroll that brings them near, or a copy about to read the selection.
import { childrenAway, splitSpans, watchAnswerViewport, type ChildSpan } from './answer-viewport';

/** What the restorer lends: how to restore, and how to write without observing its own writes. */
export interface AnswerChildrenRestorer {
  /** Restores everything under `container`, now. */
  restoreSubtree(container: Element): void;
  /** Restores the children of `container` in `spans` (and its own text nodes), now. */
  restoreChildren(container: Element, spans: readonly ChildSpan[]): void;
  /** Runs restoring work unobserved, after the page's changes not yet handed over. */
  quietly(work: () => void): void;
}

export interface AnswerChildrenWaiting {
  /** `container`'s children were all replaced at once: restore what is seen now, the rest later. */
  replaced(container: Element): void;
  stop(): void;
}

/** An element re-rendered whole with fewer children is restored whole: it is short, or not an answer. */
const minChildrenToMeasure = 32;
/** Waiting children restored at a time in an idle moment, and the most time (ms) one moment spends. */
const childrenPerSlice = 16;
const catchUpStep = 4;
/** How long (ms) a page must not have re-rendered an answer before its waiting children are restored. */
const quietBeforeCatchUp = 100;

type Waiting = { count: number; spans: ChildSpan[] };

export function waitForAnswerChildren(restorer: AnswerChildrenRestorer): AnswerChildrenWaiting {
  const { restoreSubtree, restoreChildren, quietly } = restorer;
  const waiting = new Map<Element, Waiting>();
  let idle: number | null = null;
  let lastReplaced = 0;

  /**
   * An element whose children the page replaced all at once (a page that re-renders the whole answer per
   * chunk): the children near the viewport at the last layout, and those from the last one measured on
   * (new, or grown), are restored now, before this frame's paint; the others wait for the page to stop
   * re-rendering (an idle moment), a scroll that brings them near, or a copy.
   */
  const restoreReplaced = (container: Element) => {
    waiting.delete(container);
    if (container.childElementCount < minChildrenToMeasure) return restoreSubtree(container);
    const near = viewport.near(container);
    // Fewer children than measured: another answer, whose layout is not known yet.
    const later = near && near.count <= container.childElementCount ? childrenAway(near) : null;
    if (!near || !later) {
      restoreSubtree(container);
      viewport.rendered(container);
      return;
    }
    viewport.rendered(container);
    restoreChildren(container, [
      [near.first, Math.min(near.last, near.count - 2)],
      [Math.max(near.count - 1, 0), Infinity],
    ]);
    waiting.set(container, { count: container.childElementCount, spans: later });
    lastReplaced = performance.now();
    idle ??= requestIdleCallback(catchUp);
  };
  /** The spans waiting in `container`, all its children if the page added or removed some since. */
  const waitingIn = (container: Element, wait: Waiting): ChildSpan[] =>
    container.childElementCount === wait.count ? wait.spans : [[0, container.childElementCount - 1]];

  /**
   * In idle moments once the page has not re-rendered for a while (what it still re-renders would be
   * replaced before anyone saw it), a few children at a time and a few milliseconds per moment: what waits
   * is away from the viewport.
   */
  const catchUp = (deadline: IdleDeadline) => {
    idle = null;
    const start = performance.now();
    if (start - lastReplaced < quietBeforeCatchUp) {
      idle = requestIdleCallback(catchUp);
      return;
    }
    quietly(() => {
      for (const [container, wait] of waiting) {
        if (!container.isConnected) {
          waiting.delete(container);
          continue;
        }
        const spans = waitingIn(container, wait);
        while (spans.length > 0 && deadline.timeRemaining() > 1 && performance.now() - start < catchUpStep) {
          const [from, to] = spans[0]!;
          const end = Math.min(to, from + childrenPerSlice - 1);
          restoreChildren(container, [[from, end]]);
          if (end === to) spans.shift();
          else spans[0] = [end + 1, to];
        }
        if (spans.length > 0) {
          waiting.set(container, { count: container.childElementCount, spans });
          break;
        }
        waiting.delete(container);
      }
    });
    if (waiting.size > 0) idle ??= requestIdleCallback(catchUp);
  };
  /** Everything waiting, now (a copy is about to read the selection). */
  const restoreAllWaiting = () => {
    if (waiting.size === 0) return;
    quietly(() => {
      for (const [container, wait] of waiting)
        if (container.isConnected) restoreChildren(container, waitingIn(container, wait));
      waiting.clear();
    });
  };
  /** A scroll was measured: the waiting children now near the viewport, before the next paint. */
  const restoreNearWaiting = () => {
    if (waiting.size === 0) return;
    quietly(() => {
      for (const [container, wait] of waiting) {
        const near = viewport.near(container);
        if (!near || !container.isConnected) continue;
        const { now, later } = splitSpans(waitingIn(container, wait), near.first, near.last);
        if (now.length === 0) continue;
        restoreChildren(container, now);
        if (later.length > 0) waiting.set(container, { count: container.childElementCount, spans: later });
        else waiting.delete(container);
      }
    });
  };
  const viewport = watchAnswerViewport(restoreNearWaiting);
  document.addEventListener('copy', restoreAllWaiting, { capture: true });

  return {
    replaced: restoreReplaced,
    stop() {
      viewport.stop();
      document.removeEventListener('copy', restoreAllWaiting, { capture: true });
      if (idle !== null) cancelIdleCallback(idle);
      waiting.clear();
    },
  };
}
