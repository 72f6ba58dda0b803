// Where answer text sits for the restorer: the elements whose text is not the conversation (editors,
// scripts, Gatehouse's own UI) and the block elements a placeholder never spans. By tag name and attribute:
// an answer re-rendered whole hands over thousands of elements per frame.
/**
 * Text that is not the conversation, or that the page reads back: editors (the composer: what is restored
 * there would be sent), scripts and styles, the guard's own UI. By tag name and attribute, not selector
 * matching (an answer re-rendered whole has thousands of elements per frame) nor isContentEditable, which
 * would make the browser recompute styles on every call.
 */
const skippedTags = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'textarea',
  'title',
  'gatehouse-paste-notice',
  'gatehouse-restore-tip',
]);
export const blockTags = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'body',
  'dd',
  'div',
  'dl',
  'dt',
  'figcaption',
  'figure',
  'footer',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'li',
  'main',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'table',
  'tbody',
  'td',
  'th',
  'thead',
  'tr',
  'ul',
]);
/** The element itself is skipped: a skipped tag, or editable (`contenteditable` other than "false"). */
export const isSkipped = (element: Element): boolean => {
  if (skippedTags.has(element.localName)) return true;
  const editable = element.getAttribute('contenteditable');
  return editable !== null && editable !== 'false';
};
/** The skipped elements as a selector: whether a new subtree holds any is one query, not a look per node. */
export const skippedSelector = [...skippedTags, '[contenteditable]:not([contenteditable="false"])'].join(',');
/** Whether the element or one of its ancestors is skipped. */
export const inSkipped = (element: Element): boolean => {
  for (let e: Element | null = element; e; e = e.parentElement) if (isSkipped(e)) return true;
  return false;
};
