// Keeps a page's view of the forwarding status current: on storage changes and on a short poll
// (the backlog grows without a storage change when events are recorded).
import { activePolicyItem, forwardStateItem } from '../browser/storage-items';
import { forwardingStatus, type ForwardingStatus } from '../forward/forwarding-status';
import type { OutboxStore } from '../forward/outbox';
import type { Policy } from '../policy/policy-schema';

type Backlog = Pick<OutboxStore, 'countAfter'>;

/** The stored forwarding state, seen with `policy`'s settings and the backlog after its cursor. */
export async function loadForwardingStatus(outbox: Backlog, policy: Policy): Promise<ForwardingStatus> {
  const state = await forwardStateItem.load();
  return forwardingStatus(state, policy.forwarding, await outbox.countAfter(state.cursor));
}

export function watchForwardingStatus(
  outbox: Backlog,
  onStatus: (status: ForwardingStatus) => void,
  pollMs = 2000,
): () => void {
  let stopped = false;
  const refresh = async () => {
    try {
      const status = await loadForwardingStatus(outbox, (await activePolicyItem.load()).policy);
      if (!stopped) onStatus(status);
    } catch (error) {
      console.error('Gatehouse could not read the forwarding status', error);
    }
  };
  const unwatch = [
    forwardStateItem.watch(() => void refresh()),
    activePolicyItem.watch(() => void refresh()),
  ];
  const timer = setInterval(() => void refresh(), pollMs);
  void refresh();
  return () => {
    stopped = true;
    clearInterval(timer);
    for (const stop of unwatch) stop();
  };
}
