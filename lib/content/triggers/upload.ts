// Upload trigger: files chosen in an <input type=file>. The input's `input` and `change` events are held
// and the input emptied at once, so the page can read neither the event nor the original files; the files
// the verdict allows (originals, or redacted copies under the same name) are put back and announced anew.
// Dropped and pasted files come with their drop or paste (drop.ts, paste.ts).
import type { Delivery } from '../apply-verdict';
import { ownEvents } from '../insert-content';
import { eventNode } from '../input-target';
import { listenFirst, type InputTrigger } from './trigger';

export const uploadTrigger: InputTrigger = (context) => {
  const take = (event: Event) => {
    if (!event.isTrusted || ownEvents.has(event) || !context.isAlive()) return;
    const input = eventNode(event);
    if (!(input instanceof HTMLInputElement) || input.type !== 'file') return;
    const status = context.status();
    if (status && (!status.guarded || status.files === 'allow')) return;
    event.stopImmediatePropagation();
    // The `change` after an `input` the guard took finds the input already empty: held as well.
    if (!input.files || input.files.length === 0) return;
    const files = Array.from(input.files);
    input.files = new DataTransfer().files;
    void context.guard({
      trigger: 'upload',
      content: { plain: '', html: null, other: [], files },
      delivery: fileInputDelivery(input),
    });
  };
  return listenFirst([
    ['input', take],
    ['change', take],
  ]);
};

function fileInputDelivery(input: HTMLInputElement): Delivery {
  return {
    async deliver(content) {
      if (content.files.length === 0) return;
      const transfer = new DataTransfer();
      for (const file of content.files) transfer.items.add(file);
      input.files = transfer.files;
      for (const type of ['input', 'change']) {
        const event = new Event(type, { bubbles: true, composed: type === 'input' });
        ownEvents.add(event);
        input.dispatchEvent(event);
      }
    },
    withhold() {
      input.files = new DataTransfer().files;
    },
  };
}
