// Copies everything out of a paste or drop DataTransfer while the event is live (it is unreadable later).
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
export function buildTransfer(
  plain: string,
  html: string | null,
  files: File[],
  other: TransferContent['other'] = [],
): DataTransfer {
  const transfer = new DataTransfer();
  if (html !== null) transfer.setData('text/html', html);
  transfer.setData('text/plain', plain);
  for (const [type, data] of other) transfer.setData(type, data);
  for (const file of files) transfer.items.add(file);
  return transfer;
}
