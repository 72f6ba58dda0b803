// Reads the forwarding status for the popup: the stored state plus the backlog in the outbox.
import { forwardingStatus, type ForwardingStatus } from '../forward/forward-state';
import type { Policy } from '../policy/schema';
import { loadForwardState } from './forward-state-store';
import type { OutboxStore } from './forwarder';

export async function loadForwardingStatus(
  outbox: Pick<OutboxStore, 'countAfter'>,
  policy: Policy,
): Promise<ForwardingStatus> {
  const state = await loadForwardState();
  return forwardingStatus(state, policy.forwarding, await outbox.countAfter(state.cursor));
}
