// Runs in the page's own JavaScript world at document_start on guarded pages, before the page's scripts:
// 1. navigator.clipboard.readText()/read() called by the page (its own "paste" button) are answered by
//    the isolated guard, which reads the clipboard itself, checks it and hands back only what the policy
//    allows: the original never enters the page's world. Where no guard claims the request, the browser's
//    own method runs.
// 2. A file input the page never put in the document (created, clicked, discarded) is attached, hidden,
//    before its picker opens, so its `change` event reaches the guard's window listener like any other.
import {
  clipboardReplyEvent,
  clipboardRequestEvent,
  type ClipboardFlavour,
  type ClipboardReply,
} from './page-bridge';

export function installMainWorld(): void {
  wrapClipboard();
  attachDetachedFileInputs();
}

function wrapClipboard(): void {
  if (typeof Clipboard === 'undefined') return;
  const proto = Clipboard.prototype;
  const original = { readText: proto.readText, read: proto.read };
  const pending = new Map<string, (reply: ClipboardReply) => void>();
  window.addEventListener(clipboardReplyEvent, (event) => {
    const reply = (event as CustomEvent<ClipboardReply>).detail;
    if (reply && typeof reply.id === 'string') pending.get(reply.id)?.(reply);
  });
  const bridged = (kind: 'readText' | 'read'): Promise<unknown> | null => {
    const id = crypto.randomUUID();
    const request = new CustomEvent(clipboardRequestEvent, { detail: { id, kind }, cancelable: true });
    // The guard claims the request by cancelling it; without a guard the browser's method answers.
    if (window.dispatchEvent(request)) return null;
    return new Promise((resolve, reject) => {
      pending.set(id, (reply) => {
        pending.delete(id);
        if (!reply.ok) reject(new DOMException(reply.message, reply.error));
        else if ('text' in reply) resolve(reply.text);
        else resolve(reply.items.map(toClipboardItem));
      });
    });
  };
  proto.readText = function readText(this: Clipboard) {
    return (bridged('readText') as Promise<string> | null) ?? original.readText.call(this);
  };
  proto.read = function read(this: Clipboard) {
    return (bridged('read') as Promise<ClipboardItems> | null) ?? original.read.call(this);
  };
}

function toClipboardItem(flavours: ClipboardFlavour[]): ClipboardItem {
  const data: Record<string, Blob> = {};
  for (const { type, data: value } of flavours)
    data[type] = typeof value === 'string' ? new Blob([value], { type }) : value;
  return new ClipboardItem(data);
}

function attachDetachedFileInputs(): void {
  const proto = HTMLInputElement.prototype;
  let holder: HTMLElement | null = null;
  const attach = (input: HTMLInputElement) => {
    if (input.type !== 'file' || input.isConnected) return;
    holder ??= document.createElement('gatehouse-file-inputs');
    holder.hidden = true;
    if (!holder.isConnected) document.documentElement.append(holder);
    holder.append(input);
  };
  const { click, showPicker } = proto;
  proto.click = function (this: HTMLInputElement) {
    attach(this);
    return click.call(this);
  };
  if (showPicker) {
    proto.showPicker = function (this: HTMLInputElement) {
      attach(this);
      return showPicker.call(this);
    };
  }
}
