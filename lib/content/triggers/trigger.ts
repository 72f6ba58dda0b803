// What a trigger of the input guard is: the page events that carry one kind of input to the page. A new
// channel is one more file beside paste.ts and drop.ts; the check, the verdict and the notice are shared.
import type { GuardStatusReply } from '../../guard/guard-messages';
import type { GuardProblem, GuardTrigger } from '../../log/guard-trigger';
import type { PendingInput } from '../apply-verdict';
import type { InputTarget } from '../input-target';
import type { TransferContent } from '../transfer';

export interface TriggerContext {
  /** What the background said about this frame; null until it answered. */
  status(): GuardStatusReply | null;
  /**
   * Takes a trusted paste or drop over before the page sees it: reads its content, stops it, has it
   * checked and inserts what the verdict allows. Ignores the guard's own re-dispatched events and untrusted ones.
   */
  intercept(
    event: Event,
    kind: InputTarget['kind'],
    transfer: DataTransfer | null,
    data: string | null,
    trigger?: GuardTrigger,
  ): void;
  /** Checks an input the trigger already holds and applies the verdict through its delivery. */
  guard(input: PendingInput): Promise<void>;
  /** Checks without recording anything: whether `content` would pass unchanged on this channel. */
  preview(trigger: GuardTrigger, content: TransferContent): Promise<boolean>;
  /** Something on this page the guard could not recognise (reported once per frame and problem). */
  reportHealth(trigger: GuardTrigger, problem: GuardProblem): void;
  /** False once the extension was reloaded or updated and this copy of the script is orphaned. */
  isAlive(): boolean;
}

/** Installs a trigger's listeners; returns their removal. */
export type InputTrigger = (context: TriggerContext) => () => void;

/** Capture-phase listeners on the window: they run before any listener the page registers later. */
export function listenFirst(listeners: [type: string, listener: (event: Event) => void][]): () => void {
  for (const [type, listener] of listeners) window.addEventListener(type, listener, { capture: true });
  return () => {
    for (const [type, listener] of listeners) window.removeEventListener(type, listener, { capture: true });
  };
}
