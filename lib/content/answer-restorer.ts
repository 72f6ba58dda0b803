// Shows the originals of the tab's numbered placeholders where the page displays them (the AI's answer,
// the user's own sent message), as the answer streams in. Display only: the page's text nodes are
// rewritten in place (inline) or only marked (on-hover), never the page's own state, and editable areas
// (the composer) are never touched. A MutationObserver hands over what changed; each changed text node is
// restored together with its neighbours in the same block, as far as a placeholder can reach, so the work
// is proportional to what changed, and a placeholder split across nodes and chunks ("[EMA" … "IL_1]") is
// restored once it is complete. In new subtrees (a page that re-renders the whole answer per chunk hands
// over every node of it, every frame) the browser finds the text nodes holding a "[" and only those are
// restored, with what follows them as far as a placeholder can reach.
import { maxPlaceholderLength } from '../redact/placeholders';
import { restoreRun, type RestoreDisplay } from '../guard/restore-text';
import { blockTags, inSkipped, isSkipped } from './answer-blocks';
import type { MarkSpec, RestoreMarks } from './restore-marks';

export interface AnswerRestorerOptions {
  /** The original of a numbered placeholder in this tab, or undefined (typed, or invented by the AI). */
  original: (placeholder: string) => string | undefined;
  display: RestoreDisplay;
  marks: RestoreMarks;
  /** The conversation area observed: the page's body by default. */
  root?: Node;
}

export interface AnswerRestorer {
  /** Restores everything under the root again (the map gained entries it did not have). */
  refreshAll(): void;
  stop(): void;
}

/** What the restorer did to one text node. */
interface NodeState {
  /** The text the page put there. */
  page: string;
  /** The text shown (written by the restorer; equal to `page` on-hover). */
  shown: string;
  joinsPrevious: boolean;
  joinsNext: boolean;
  /** How often the page put back exactly the text the restorer had replaced. */
  reverts: number;
}

/** A page that keeps undoing the restorer's text (a framework re-asserting its DOM) gets marks only. */
const maxReverts = 3;
/** Characters on each side of a changed node that a placeholder reaching into it can span. */
const reach = maxPlaceholderLength - 1;
/**
 * Characters a placeholder begun at the last "[" has after it once `text` follows `before` such
 * characters: a placeholder holds no "[" but its first, so only the last "[" can start one still open.
 */
const charsAfterBracket = (text: string, before: number): number => {
  const bracket = text.lastIndexOf('[');
  return bracket < 0 ? before + text.length : text.length - bracket - 1;
};
/** Text no placeholder can be part of, added on its own (the line breaks between an answer's blocks). */
const blank = /^\s*$/;

/**
 * What the restorer did to each text node, kept on the node itself (a property of its wrapper in the
 * content script's world, which the page's scripts never see) rather than in a WeakMap: a page that
 * re-renders the whole answer per chunk leaves thousands of dead nodes per frame, and a WeakMap's entries
 * make every major garbage collection trace them again (ephemerons: measured at up to 300 ms a collection).
 */
function nodeStates() {
  const key = Symbol('gatehouse restore state');
  type Stateful = Text & { [key]?: NodeState | undefined };
  return {
    get: (node: Text): NodeState | undefined => (node as Stateful)[key],
    has: (node: Text): boolean => (node as Stateful)[key] !== undefined,
    set: (node: Text, state: NodeState) => ((node as Stateful)[key] = state),
    // Not `delete`: the wrappers keep one shape.
    delete: (node: Text) => {
      if ((node as Stateful)[key] !== undefined) (node as Stateful)[key] = undefined;
    },
  };
}

export function startAnswerRestorer(options: AnswerRestorerOptions): AnswerRestorer {
  const { original, display, marks } = options;
  const root = options.root ?? document.body;
  const states = nodeStates();

  /**
   * Per element, for one pass (the restorer changes text, never structure, so a pass's answers hold):
   * whether its text is skipped, and the block it is in, each derived from its parent's. An answer
   * re-rendered whole has thousands of text nodes: one look-up per element, not a walk up per node.
   */
  type Place = { skipped: boolean; block: Element };
  let places = new Map<Element, Place>();
  const placeOfElement = (element: Element): Place => {
    let place = places.get(element);
    if (place) return place;
    const parent = element.parentElement;
    if (element === root) place = { skipped: inSkipped(element), block: element };
    else if (!parent)
      place = { skipped: true, block: element }; // outside the root
    else {
      const up = placeOfElement(parent);
      place = {
        skipped: up.skipped || isSkipped(element),
        block: blockTags.has(element.localName) ? element : up.block,
      };
    }
    places.set(element, place);
    return place;
  };
  const placeOf = (node: Text) => (node.parentElement ? placeOfElement(node.parentElement) : null);
  const skip = (node: Text): boolean => placeOf(node)?.skipped ?? true;
  const blockOf = (node: Text): Element => placeOf(node)!.block;

  /** The page's text of a node: what it wrote, not what the restorer shows there. */
  const pageText = (node: Text): string => {
    const state = states.get(node);
    if (!state || node.data === state.shown) return state ? state.page : node.data;
    // The page wrote since: a revert when it put back the very text the restorer had replaced.
    if (node.data === state.page) state.reverts++;
    else state.reverts = 0;
    state.page = node.data;
    state.shown = node.data;
    return state.page;
  };

  /** The changed node and its neighbours in the same block, as far as a placeholder can reach. */
  const runAround = (node: Text): Text[] => {
    const block = blockOf(node);
    const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
    const run = [node];
    let chars = 0;
    walker.currentNode = node;
    for (let n = walker.previousNode(); n; n = walker.previousNode()) {
      const text = n as Text;
      if (chars >= reach && !states.get(run[0]!)?.joinsPrevious) break;
      if (skip(text) || blockOf(text) !== block) break;
      run.unshift(text);
      chars += pageText(text).length;
    }
    chars = 0;
    walker.currentNode = node;
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const text = n as Text;
      if (chars >= reach && !states.get(run[run.length - 1]!)?.joinsNext) break;
      if (skip(text) || blockOf(text) !== block) break;
      run.push(text);
      chars += pageText(text).length;
    }
    return run;
  };

  const restore = (run: Text[]) => {
    const pieces = run.map(pageText);
    const contested = run.some((n) => (states.get(n)?.reverts ?? 0) >= maxReverts);
    const result = restoreRun(pieces, original, contested ? 'on-hover' : display);
    // Most of an answer holds no placeholder: nothing to write, and no node here had marks to drop.
    if (result.marks.length === 0 && !run.some((n) => states.has(n))) return;
    const markStarts = new Set(result.marks.map((m) => m.start.piece));
    run.forEach((node, i) => {
      const shown = result.shown[i]!;
      if (node.data !== shown) node.data = shown;
      const joinsPrevious = result.joins[i]!;
      const joinsNext = result.joins[i + 1] ?? false;
      if (shown !== pieces[i] || joinsPrevious || joinsNext || markStarts.has(i)) {
        const reverts = states.get(node)?.reverts ?? 0;
        states.set(node, { page: pieces[i]!, shown, joinsPrevious, joinsNext, reverts });
      } else {
        states.delete(node);
      }
    });
    // Marks are ranges over the text as now shown; each belongs to the node where it starts.
    const owned = new Map<Text, MarkSpec[]>();
    for (const mark of result.marks) {
      const owner = run[mark.start.piece]!;
      let list = owned.get(owner);
      if (!list) owned.set(owner, (list = []));
      list.push({
        range: {
          startContainer: owner,
          startOffset: mark.start.offset,
          endContainer: run[mark.end.piece]!,
          endOffset: mark.end.offset,
        },
        placeholder: mark.placeholder,
        original: mark.original,
        nodes: run.slice(mark.start.piece, mark.end.piece + 1),
      });
    }
    for (const node of run) marks.set(node, owned.get(node) ?? []);
  };

  const restoreAround = (dirty: Iterable<Text>) => {
    for (const node of dirty) {
      if (node.isConnected && !skip(node)) restore(runAround(node));
    }
  };

  /**
   * The run a placeholder starting in `start` can span: `start` and the text nodes after it in the same
   * block until a placeholder begun at the last "[" so far is complete (or a join the restorer made before
   * still holds).
   */
  const runFrom = (start: Text): Text[] => {
    const block = blockOf(start);
    const run = [start];
    let chars = charsAfterBracket(pageText(start), 0);
    const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
    walker.currentNode = start;
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const text = n as Text;
      if (chars >= reach && !states.get(run[run.length - 1]!)?.joinsNext) break;
      if (skip(text) || blockOf(text) !== block) break;
      run.push(text);
      chars = charsAfterBracket(pageText(text), chars);
    }
    return run;
  };

  /**
   * The text nodes under `from` where a placeholder can start: those holding a "[", found by the browser
   * (XPath) without visiting the others, each restored with what follows it as far as a placeholder can
   * reach. A new subtree's text is the page's own, so a "[" in it is where every placeholder starts.
   */
  const restoreSubtree = (from: Node) => {
    if (from instanceof Element && placeOfElement(from).skipped) return;
    const found = document.evaluate(
      'descendant::text()[contains(., "[")]',
      from,
      null,
      XPathResult.ORDERED_NODE_SNAPSHOT_TYPE,
      null,
    );
    let last: Text[] = [];
    for (let i = 0; i < found.snapshotLength; i++) {
      const node = found.snapshotItem(i) as Text;
      // Already in the run before (the snapshot is in document order; runs only reach forward).
      if (last.includes(node) || skip(node)) continue;
      last = runFrom(node);
      restore(last);
    }
  };

  const observer = new MutationObserver((records) => {
    places = new Map();
    const dirty = new Set<Text>();
    const subtrees: Node[] = [];
    let removed = false;
    for (const record of records) {
      if (record.type === 'characterData') {
        if (record.target instanceof Text) dirty.add(record.target);
        continue;
      }
      if (record.removedNodes.length > 0) removed = true;
      const added = record.addedNodes;
      // All of an element's children new (innerHTML): one subtree, not a look at each child.
      if (added.length > 1 && added.length === record.target.childNodes.length) {
        subtrees.push(record.target);
        continue;
      }
      for (const node of Array.from(added)) {
        if (node instanceof Text) {
          if (!blank.test(node.data) || states.has(node)) dirty.add(node);
        } else if (node instanceof Element) subtrees.push(node);
      }
      // Text on either side of an insertion or removal can now meet a placeholder's other half.
      for (const side of [record.previousSibling, record.nextSibling])
        if (side instanceof Text) dirty.add(side);
    }
    // Removed nodes are out of the document already: their marks go before the new ones come.
    if (removed && marks.size > 0) marks.prune();
    // What the restorer writes is not news: not observed while it writes (no record per written node).
    observer.disconnect();
    try {
      for (const subtree of subtrees) if (subtree.isConnected) restoreSubtree(subtree);
      restoreAround(dirty);
    } finally {
      observe();
    }
  });
  const observe = () => observer.observe(root, { subtree: true, childList: true, characterData: true });

  restoreSubtree(root);
  observe();

  return {
    refreshAll() {
      places = new Map();
      restoreSubtree(root);
      observer.takeRecords();
    },
    stop() {
      observer.disconnect();
      // The page gets its own text back.
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const state = states.get(n as Text);
        if (state && (n as Text).data === state.shown) (n as Text).data = state.page;
      }
      marks.remove();
    },
  };
}
