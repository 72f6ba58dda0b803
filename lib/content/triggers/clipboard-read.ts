// Clipboard-read trigger: the page reading the clipboard itself (navigator.clipboard.readText()/read(),
// e.g. its own paste button). The main-world script (main-world.ts) asks; this side reads the clipboard in
// the isolated world, has it checked like a paste, and answers with what the verdict allows.
import type { Delivery } from '../apply-verdict';
import {
  clipboardReplyEvent,
  clipboardRequestEvent,
  isClipboardRequest,
  type ClipboardAnswer,
  type ClipboardFlavour,
  type ClipboardReply,
} from '../page-bridge';
import type { TransferContent } from '../transfer';
import { listenFirst, type InputTrigger } from './trigger';

export const clipboardReadTrigger: InputTrigger = (context) =>
  listenFirst([
    [
      clipboardRequestEvent,
      (event) => {
        const request = (event as CustomEvent<unknown>).detail;
        const status = context.status();
        if (!isClipboardRequest(request) || !context.isAlive() || status?.guarded === false) return;
        if (status?.guarded && status.paste === 'off' && status.files === 'allow') return;
        event.preventDefault();
        const reply = (answer: ClipboardAnswer) =>
          window.dispatchEvent(
            new CustomEvent(clipboardReplyEvent, { detail: { ...answer, id: request.id } as ClipboardReply }),
          );
        // Read in the same task as the page's call, while its user activation lasts.
        void readClipboard(request.kind).then(
          (content) =>
            context.guard({ trigger: 'clipboard', content, delivery: answerWith(request.kind, reply) }),
          (error: unknown) =>
            reply({
              ok: false,
              error: error instanceof DOMException ? error.name : 'NotAllowedError',
              message: error instanceof Error ? error.message : 'Read permission denied.',
            }),
        );
      },
    ],
  ]);

async function readClipboard(kind: 'readText' | 'read'): Promise<TransferContent> {
  const content: TransferContent = { plain: '', html: null, other: [], files: [] };
  if (kind === 'readText') {
    content.plain = await navigator.clipboard.readText();
    return content;
  }
  for (const item of await navigator.clipboard.read()) {
    for (const type of item.types) {
      const blob = await item.getType(type);
      if (type === 'text/plain') content.plain = await blob.text();
      else if (type === 'text/html') content.html = await blob.text();
      // Other text flavours could hold the original in another form: they are not handed back.
      else if (type.startsWith('text/')) continue;
      else content.files.push(new File([blob], `clipboard.${type.split('/')[1] ?? 'bin'}`, { type }));
    }
  }
  return content;
}

function answerWith(kind: 'readText' | 'read', reply: (answer: ClipboardAnswer) => void): Delivery {
  return {
    async deliver(content) {
      if (kind === 'readText') {
        reply({ ok: true, text: content.plain });
        return;
      }
      const text: ClipboardFlavour[] = [];
      if (content.plain) text.push({ type: 'text/plain', data: content.plain });
      if (content.html !== null) text.push({ type: 'text/html', data: content.html });
      const items = [
        ...(text.length ? [text] : []),
        ...content.files.map((f) => [{ type: f.type, data: f }]),
      ];
      reply({ ok: true, items });
    },
    withhold() {
      reply({ ok: false, error: 'NotAllowedError', message: 'Gatehouse did not hand over the clipboard.' });
    },
  };
}
