// Copies everything out of a paste or drop DataTransfer while the event is live (it is unreadable later),
// and builds the one the guard re-dispatches.
import { pageView } from './page-world';

export interface TransferContent {
  plain: string;
  html: string | null;
  /** Every other string flavour (text/uri-list, application/x-…), re-attached unchanged on a clean paste. */
  other: [type: string, data: string][];
  files: File[];
}

export function readTransfer(
  transfer: DataTransfer | null,
  fallbackText: string | null = null,
): TransferContent {
  const content: TransferContent = { plain: fallbackText ?? '', html: null, other: [], files: [] };
  if (!transfer) return content;
  for (const type of Array.from(transfer.types)) {
    if (type === 'Files') continue;
    const data = transfer.getData(type);
    if (type === 'text/plain') content.plain = data;
    else if (type === 'text/html') content.html = data || null;
    else content.other.push([type, data]);
  }
  content.files = Array.from(transfer.files);
  return content;
}

export function hasText(content: TransferContent): boolean {
  return content.plain.length > 0 || (content.html?.length ?? 0) > 0;
}

/**
 * Builds the DataTransfer for the re-dispatched event. Other string flavours are only carried over
 * unchanged when nothing was redacted: they could hold the original text in another form.
 */
export function buildTransfer(content: TransferContent): DataTransfer {
  return fillTransfer(new DataTransfer(), content);
}

function fillTransfer(transfer: DataTransfer, { plain, html, files, other }: TransferContent): DataTransfer {
  // Through the page's view of it: data written through Firefox's content-script wrapper is not the page's.
  const page = pageView(transfer);
  if (html !== null) page.setData('text/html', html);
  page.setData('text/plain', plain);
  for (const [type, data] of other) page.setData(type, data);
  for (const file of files) page.items.add(file);
  return transfer;
}

/**
 * The paste event to re-dispatch, carrying `content`. Chromium keeps the DataTransfer given as
 * `clipboardData`; Firefox ignores that member (Gecko's ClipboardEvent constructor reads only its own
 * `dataType`/`data` pair) and gives the event an empty, writable DataTransfer instead, which editors
 * that read the event (ProseMirror, Lexical) would see as an empty paste. So whatever the event holds
 * is filled with the content: found by what the event does, not by asking which browser this is.
 */
export function pasteEventWith(content: TransferContent, init: EventInit): ClipboardEvent {
  const transfer = buildTransfer(content);
  const event = new ClipboardEvent('paste', { ...init, clipboardData: transfer });
  if (event.clipboardData && event.clipboardData !== transfer) fillTransfer(event.clipboardData, content);
  return event;
}
