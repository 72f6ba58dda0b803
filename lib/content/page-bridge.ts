// The names and shapes of the events between the guard's two scripts in a page: the main-world script
// (main-world.ts, which can wrap the page's own APIs) and the isolated guard. Both worlds share the DOM,
// so they talk by events on the window; neither side trusts what arrives, and nothing original crosses.
export const clipboardRequestEvent = 'gatehouse:clipboard-read';
export const clipboardReplyEvent = 'gatehouse:clipboard-reply';

export interface ClipboardRequest {
  id: string;
  kind: 'readText' | 'read';
}

/** One flavour of a clipboard item as handed back to the page: text, or a blob (an image). */
export interface ClipboardFlavour {
  type: string;
  data: string | Blob;
}

/** What the guard answers: the text, the items, or the error the page's call rejects with. */
export type ClipboardAnswer =
  | { ok: true; text: string }
  | { ok: true; items: ClipboardFlavour[][] }
  | { ok: false; error: string; message: string };
export type ClipboardReply = ClipboardAnswer & { id: string };

export function isClipboardRequest(value: unknown): value is ClipboardRequest {
  if (typeof value !== 'object' || value === null) return false;
  const { id, kind } = value as Record<string, unknown>;
  return typeof id === 'string' && id.length <= 64 && (kind === 'readText' || kind === 'read');
}
