// What a trigger of the input guard is: the page events that carry one kind of input to the page. A new
// channel (send, upload) is one more file beside paste.ts and drop.ts; the check and the verdict are shared.
import type { InputTarget } from '../input-target';

export interface TriggerContext {
  /**
   * Takes a trusted input event over before the page sees it: reads its content, stops it, has it
   * checked and applies the verdict. Ignores the guard's own re-dispatched events and untrusted ones.
   */
  intercept(
    event: Event,
    kind: InputTarget['kind'],
    transfer: DataTransfer | null,
    data: string | null,
  ): void;
}

/** Installs a trigger's listeners; returns their removal. */
export type InputTrigger = (context: TriggerContext) => () => void;

/** Capture-phase listeners on the window: they run before any listener the page registers on its nodes. */
export function listenFirst(listeners: [type: string, listener: (event: Event) => void][]): () => void {
  for (const [type, listener] of listeners) window.addEventListener(type, listener, { capture: true });
  return () => {
    for (const [type, listener] of listeners) window.removeEventListener(type, listener, { capture: true });
  };
}
