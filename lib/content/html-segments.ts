// Splits pasted HTML into the text segments redactSegments() reads, and writes redacted segments back.
import type { TextSegment } from '../guard/redact-segments';

const blockTags = new Set(
  'ADDRESS ARTICLE ASIDE BLOCKQUOTE BR DD DIV DL DT FIGCAPTION FIGURE FOOTER H1 H2 H3 H4 H5 H6 HEADER HR LI MAIN NAV OL P PRE SECTION TABLE TBODY TD TH THEAD TR UL'.split(
    ' ',
  ),
);
/** Attributes that can carry personal data the editor keeps (links, tooltips, alt text, form values). */
const textAttributes = /^(href|src|title|alt|value|cite|data-.*|aria-label)$/i;

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
  const stack: { node: Node; exit: boolean }[] = [{ node: doc.documentElement, exit: false }];
  while (stack.length) {
    const { node, exit } = stack.pop()!;
    if (node.nodeType === Node.TEXT_NODE) {
      const text = node as Text;
      if (text.data.length === 0) continue;
      push(text.data, pendingBreak, (t) => (text.data = t));
      pendingBreak = false;
      continue;
    }
    if (node.nodeType !== Node.ELEMENT_NODE) continue;
    const element = node as Element;
    if (blockTags.has(element.tagName)) pendingBreak = true;
    if (exit) continue;
    for (const attribute of Array.from(element.attributes)) {
      if (!textAttributes.test(attribute.name) || attribute.value.startsWith('data:')) continue;
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
