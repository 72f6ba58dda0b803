// Shows the originals of the tab's numbered placeholders where the page displays them (the AI's answer,
// the user's own sent message), as the answer streams in. Display only: the page's text nodes are
// rewritten in place (inline) or only marked (on-hover), never the page's own state, and editable areas
// (the composer) are never touched. A MutationObserver hands over what changed; each changed text node is
// restored together with its neighbours in the same block, as far as a placeholder can reach, so the work
// is proportional to what changed, and a placeholder split across nodes and chunks ("[EMA" … "IL_1]") is
// restored once it is complete. In new subtrees (a page that re-renders the whole answer per chunk hands
// over every node of it, every frame) the browser finds the text nodes holding a "[" and only those are
// restored, with what follows them until the placeholder begun last is complete; a text restored once is
// kept with what it gave (that page re-renders the same text again and again). Of a long answer such a page
// re-renders whole, only the children near the viewport and its growing end are restored before the paint;
// the rest when the page stops, a scroll brings them near, or a copy reads them (answer-waiting.ts).
import { maxPlaceholderLength } from '../redact/placeholders';
import { restoreRun, type RestoreDisplay } from '../guard/restore-text';
import { blockTags, inSkipped, isSkipped, skippedSelector } from './answer-blocks';
import type { ChildSpan } from './answer-viewport';
import { waitForAnswerChildren } from './answer-waiting';
import type { MarkSpec, OwnerMarks, RestoreMarks } from './restore-marks';

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
/** A character a placeholder has between its "[" and its "]": A–Z, 0–9 or "_". */
const inPlaceholder = (code: number): boolean =>
  (code >= 65 && code <= 90) || (code >= 48 && code <= 57) || code === 95;
/**
 * The characters of a placeholder still open at the end of `text` (begun at its last "[", or before it
 * when `before` such characters were open), or -1 when none is: a placeholder holds no "[" but its first
 * and nothing after it but A–Z, 0–9, "_" up to its "]", so only the last "[" can start one still open.
 */
const openAfter = (text: string, before: number): number => {
  const bracket = text.lastIndexOf('[');
  if (bracket < 0 && before < 0) return -1;
  for (let i = bracket + 1; i < text.length; i++) if (!inPlaceholder(text.charCodeAt(i))) return -1;
  return bracket < 0 ? before + text.length : text.length - bracket - 1;
};
/** Text no placeholder can be part of, added on its own (the line breaks between an answer's blocks). */
const blank = /^\s*$/;
/** Texts restored on their own that are kept with what they gave; beyond this, the cache starts again. */
const maxCachedTexts = 4096;
const maxCachedChars = 1_000_000;
const noMarks: readonly MarkSpec[] = [];

/** What restoring a text node on its own gives, shared by every node that shows the same page text. */
interface RestoredText {
  /** The node's state once restored (null: nothing to restore); never changed, replaced when the page writes. */
  state: NodeState | null;
  marks: OwnerMarks;
  /** Every numbered placeholder in the text and the original it had: the entry holds while they still do. */
  placeholders: string[];
  originals: (string | undefined)[];
}

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
   * Where the text of this pass sits: the element it is under (a new subtree, or the root), whether that
   * element's text is skipped, and the block it is in. A text node's own place is found by walking up to
   * it: a few elements per node, and nothing kept per element (an answer re-rendered whole has thousands
   * of them per frame, each new).
   */
  interface Scope {
    top: Node;
    skipped: boolean;
    block: Node;
  }
  const scopeOf = (top: Node): Scope => {
    let block: Node | null = null;
    for (let e: Node | null = top; e; e = e.parentElement) {
      if (e === root)
        return { top, skipped: root instanceof Element && inSkipped(root), block: block ?? root };
      if (e instanceof Element && isSkipped(e)) break;
      if (!block && e instanceof Element && blockTags.has(e.localName)) block = e;
    }
    // Skipped, or outside the root.
    return { top, skipped: true, block: top };
  };
  let rootScope = scopeOf(root);
  let scope = rootScope;
  /** The block a text node is in, or null when its text is skipped (or outside the root). */
  const blockOf = (node: Text): Node | null => {
    let block: Element | null = null;
    for (let e = node.parentElement; e; e = e.parentElement) {
      if (e === scope.top || e === root) {
        const known = e === scope.top ? scope : rootScope;
        return known.skipped ? null : (block ?? known.block);
      }
      if (isSkipped(e)) return null;
      if (!block && blockTags.has(e.localName)) block = e;
    }
    return null;
  };
  /** One walker for every run: a new one per run was a tenth of the restorer's time. */
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);

  /** The page's text of a node: what it wrote, not what the restorer shows there. */
  const pageText = (node: Text): string => {
    const state = states.get(node);
    const data = node.data;
    if (!state || data === state.shown) return state ? state.page : data;
    // The page wrote since: a revert when it put back the very text the restorer had replaced. A new
    // state, not a change to it: states of texts restored on their own are shared between nodes.
    const reverts = data === state.page ? state.reverts + 1 : 0;
    states.set(node, { ...state, page: data, shown: data, reverts });
    return data;
  };

  /** The changed node and its neighbours in the same block, as far as a placeholder can reach. */
  const runAround = (node: Text, block: Node): Text[] => {
    const run = [node];
    let chars = 0;
    walker.currentNode = node;
    for (let n = walker.previousNode(); n; n = walker.previousNode()) {
      const text = n as Text;
      if (chars >= reach && !states.get(run[0]!)?.joinsPrevious) break;
      if (blockOf(text) !== block) break;
      run.unshift(text);
      chars += pageText(text).length;
    }
    chars = 0;
    walker.currentNode = node;
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const text = n as Text;
      if (chars >= reach && !states.get(run[run.length - 1]!)?.joinsNext) break;
      if (blockOf(text) !== block) break;
      run.push(text);
      chars += pageText(text).length;
    }
    return run;
  };

  /** Texts restored on their own, with what they gave, and how many characters they hold. */
  const texts = new Map<string, RestoredText>();
  let textChars = 0;
  const nothing: RestoredText = { state: null, marks: noMarks, placeholders: [], originals: [] };
  const restoredText = (text: string): RestoredText => {
    if (!text.includes('[')) return nothing;
    const known = texts.get(text);
    if (known && stillHolds(known)) return known;
    const placeholders: string[] = [];
    const originals: (string | undefined)[] = [];
    const result = restoreRun(
      [text],
      (placeholder) => {
        const value = original(placeholder);
        placeholders.push(placeholder);
        originals.push(value);
        return value;
      },
      display,
    );
    const found = result.marks.map((m) => ({
      start: m.start.offset,
      end: m.end.offset,
      placeholder: m.placeholder,
      original: m.original,
    }));
    const restored: RestoredText = {
      state:
        found.length === 0
          ? null
          : { page: text, shown: result.shown[0]!, joinsPrevious: false, joinsNext: false, reverts: 0 },
      // A mark's range is made only for a node that lasts (restore-marks): most never do on such a page.
      marks:
        found.length === 0
          ? noMarks
          : (owner) =>
              found.map((m) => ({
                range: { startContainer: owner, startOffset: m.start, endContainer: owner, endOffset: m.end },
                placeholder: m.placeholder,
                original: m.original,
                nodes: [owner],
              })),
      placeholders,
      originals,
    };
    if (texts.size >= maxCachedTexts || textChars + text.length > maxCachedChars) {
      texts.clear();
      textChars = 0;
    }
    texts.set(text, restored);
    textChars += text.length;
    return restored;
  };
  /** Whether the map still gives each placeholder of a kept text what it gave then (it only grows). */
  const stillHolds = (restored: RestoredText): boolean => {
    const { placeholders, originals } = restored;
    for (let i = 0; i < placeholders.length; i++)
      if (original(placeholders[i]!) !== originals[i]) return false;
    return true;
  };

  /** A text node the restorer never touched, restored on its own: its text's kept result, shared. */
  const restoreAlone = (node: Text) => {
    const { state, marks: made } = restoredText(node.data);
    // Nothing to restore, and no marks to drop (a node with marks has a state).
    if (!state) return;
    if (node.data !== state.shown) node.data = state.shown;
    states.set(node, state);
    marks.set(node, made);
  };

  const restore = (run: Text[]) => {
    if (run.length === 1 && !states.has(run[0]!)) return restoreAlone(run[0]!);
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
    for (const node of run) marks.set(node, owned.get(node) ?? noMarks);
  };

  const restoreAround = (dirty: Iterable<Text>) => {
    for (const node of dirty) {
      const block = node.isConnected ? blockOf(node) : null;
      if (block) restore(runAround(node, block));
    }
  };

  /**
   * The run a placeholder starting in `start` can span: `start` and the text nodes after it in the same
   * block while a placeholder begun at the last "[" so far is still open (or a join the restorer made
   * before still holds). Mostly `start` alone: the placeholders in a text node end in it.
   */
  const runFrom = (start: Text): Text[] => {
    const run = [start];
    let open = openAfter(pageText(start), -1);
    let block: Node | null = null;
    walker.currentNode = start;
    while ((open >= 0 && open < reach) || states.get(run[run.length - 1]!)?.joinsNext) {
      block ??= blockOf(start);
      if (!block) break;
      const text = walker.nextNode() as Text | null;
      if (!text || blockOf(text) !== block) break;
      run.push(text);
      open = openAfter(pageText(text), open);
    }
    return run;
  };

  /**
   * The text nodes under `from` where a placeholder can start: those holding a "[", found by the browser
   * (XPath) without visiting the others, each restored with what follows it as far as a placeholder can
   * reach. A new subtree's text is the page's own, so a "[" in it is where every placeholder starts.
   */
  /** The text nodes holding a "[", under a node or among its children: compiled once, not per search. */
  const textsWithBracket = document.createExpression('descendant::text()[contains(., "[")]');
  const childTextsWithBracket = document.createExpression('child::text()[contains(., "[")]');
  const restoreSubtree = (from: Node) => {
    scope = from === root ? rootScope : scopeOf(from);
    if (!scope.skipped) restoreFound(from, textsWithBracket);
    scope = rootScope;
  };
  /**
   * The element children of `container` in `spans` (and its own text nodes): each child searched on its
   * own (a search of the container with a position() predicate costs more than searching all of it).
   */
  const restoreChildren = (container: Element, spans: readonly ChildSpan[]) => {
    scope = scopeOf(container);
    if (!scope.skipped) {
      restoreFound(container, childTextsWithBracket);
      const children = container.children;
      for (const [from, to] of spans)
        for (let i = from; i <= to && i < children.length; i++)
          if (!isSkipped(children[i]!)) restoreFound(children[i]!, textsWithBracket);
    }
    scope = rootScope;
  };
  /** Restores the text nodes `expression` finds from `from`, in the pass's scope. */
  const restoreFound = (from: Node, expression: XPathExpression) => {
    const found = expression.evaluate(from, XPathResult.ORDERED_NODE_SNAPSHOT_TYPE);
    if (found.snapshotLength === 0) return;
    // Mostly none inside (an answer): then no text node of it is skipped, and none needs a look up.
    const mixed = !(from instanceof Element) || from.querySelector(skippedSelector) !== null;
    let last: Text[] = [];
    for (let i = 0; i < found.snapshotLength; i++) {
      const node = found.snapshotItem(i) as Text;
      // Already in the run before (the snapshot is in document order; runs only reach forward).
      if (last.includes(node) || (mixed && !blockOf(node))) continue;
      last = runFrom(node);
      restore(last);
    }
  };

  const waiting = waitForAnswerChildren({
    restoreSubtree,
    restoreChildren,
    quietly: (work) => quietly(work),
  });

  const handle = (records: MutationRecord[]) => {
    const dirty = new Set<Text>();
    const subtrees: Node[] = [];
    const replaced: Element[] = [];
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
        if (record.target instanceof Element) replaced.push(record.target);
        else subtrees.push(record.target);
        continue;
      }
      for (let i = 0; i < added.length; i++) {
        const node = added[i];
        if (node instanceof Text) {
          if (!blank.test(node.data) || states.has(node)) dirty.add(node);
        } else if (node instanceof Element) subtrees.push(node);
      }
      // Text on either side of an insertion or removal can now meet a placeholder's other half.
      if (record.previousSibling instanceof Text) dirty.add(record.previousSibling);
      if (record.nextSibling instanceof Text) dirty.add(record.nextSibling);
    }
    // Removed nodes are out of the document already: their marks go before the new ones come.
    if (removed && marks.size > 0) marks.prune();
    for (const container of replaced) if (container.isConnected) waiting.replaced(container);
    for (const subtree of subtrees) if (subtree.isConnected) restoreSubtree(subtree);
    restoreAround(dirty);
  };
  /**
   * What the restorer writes is not news: not observed while it writes (no record per written node). The
   * page's changes not yet handed over are handled first.
   */
  const quietly = (work: () => void) => {
    const earlier = observer.takeRecords();
    observer.disconnect();
    try {
      rootScope = scope = scopeOf(root);
      if (earlier.length > 0) handle(earlier);
      work();
    } finally {
      // The walker would keep the last node (and its detached tree) alive until the next pass.
      walker.currentNode = root;
      observe();
    }
  };
  const observer = new MutationObserver((records) => quietly(() => handle(records)));
  const observe = () => observer.observe(root, { subtree: true, childList: true, characterData: true });

  restoreSubtree(root);
  walker.currentNode = root;
  observe();

  return {
    refreshAll() {
      rootScope = scope = scopeOf(root);
      texts.clear();
      restoreSubtree(root);
      walker.currentNode = root;
      observer.takeRecords();
    },
    stop() {
      observer.disconnect();
      waiting.stop();
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
