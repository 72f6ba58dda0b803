// Splits pasted HTML into the text segments redactSegments() reads, and writes redacted segments back.
import type { TextSegment } from '../guard/redact-segments';

const blockTags = new Set(
  'ADDRESS ARTICLE ASIDE BLOCKQUOTE BR DD DIV DL DT FIGCAPTION FIGURE FOOTER H1 H2 H3 H4 H5 H6 HEADER HR LI MAIN NAV OL P PRE SECTION TABLE TBODY TD TH THEAD TR UL'.split(
    ' ',
  ),
);
/**
 * Elements whose content the page gets but the user never sees as text: scanned as markup, and left
 * out of a redacted paste (the text/plain flavour has none of it either).
 */
const droppedTags = new Set(['TEMPLATE', 'STYLE', 'SCRIPT', 'NOSCRIPT']);
const ignore = () => undefined;
/** Image data is base64 pixels, not text: scanning it only costs time. */
const imageData = /^\s*data:image\/[\w.+-]+;base64,/i;

export interface HtmlSegments {
  segments: TextSegment[];
  /** Serialises the document with segment i replaced by texts[i]. */
  rebuild: (texts: readonly string[]) => string;
}

/** DOMParser never runs scripts or loads resources, so parsing a paste in the isolated world is inert. */
export function htmlToSegments(html: string): HtmlSegments {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  const writers: ((text: string) => void)[] = [];
  const segments: TextSegment[] = [];
  let pendingBreak = false;
  const push = (text: string, breakBefore: boolean, write: (text: string) => void) => {
    segments.push({ text, breakBefore });
    writers.push(write);
  };
  // Explicit stack: pasted HTML can nest deeper than the call stack allows.
  // From the document itself: a comment before <html> is the document's child, not the root element's.
  const stack: { node: Node; exit: boolean }[] = Array.from(doc.childNodes)
    .reverse()
    .map((node) => ({ node, exit: false }));
  while (stack.length) {
    const { node, exit } = stack.pop()!;
    if (node.nodeType === Node.TEXT_NODE) {
      const text = node as Text;
      if (text.data.length === 0) continue;
      push(text.data, pendingBreak, (t) => (text.data = t));
      pendingBreak = false;
      continue;
    }
    if (node.nodeType !== Node.ELEMENT_NODE) {
      // Comments reach the page with the HTML but are never shown: scanned, and left out of a redacted
      // paste. (A clean paste keeps its HTML as copied: then they held nothing either.)
      if (node.nodeType === Node.COMMENT_NODE) {
        push((node as Comment).data, true, ignore);
        pendingBreak = true;
        node.parentNode?.removeChild(node);
      }
      continue;
    }
    const element = node as Element;
    if (droppedTags.has(element.tagName)) {
      // A template's content is a fragment of its own, outside childNodes: its markup is scanned whole.
      push(element.innerHTML, true, ignore);
      pendingBreak = true;
      element.remove();
      continue;
    }
    if (blockTags.has(element.tagName)) pendingBreak = true;
    if (exit) continue;
    // Every attribute: any of them (class, placeholder, data-*, aria-*) can carry text the page keeps.
    for (const attribute of Array.from(element.attributes)) {
      if (attribute.value.length === 0 || imageData.test(attribute.value)) continue;
      push(attribute.value, true, (t) => element.setAttribute(attribute.name, t));
      pendingBreak = true;
    }
    stack.push({ node, exit: true });
    const children = Array.from(node.childNodes);
    for (let i = children.length - 1; i >= 0; i--) stack.push({ node: children[i]!, exit: false });
  }
  return {
    segments,
    rebuild: (texts) => {
      texts.forEach((text, i) => {
        if (text !== segments[i]!.text) writers[i]!(text);
      });
      return doc.documentElement.outerHTML;
    },
  };
}
