// Keeps a page's view of the forwarding status current: on storage changes and on a short poll
// (the backlog grows without a storage change when events are recorded).
import browser from 'webextension-polyfill';
import type { ForwardingStatus } from '../forward/forward-state';
import { loadActivePolicy } from './active-policy';
import { forwardStateKey } from './forward-state-store';
import { loadForwardingStatus } from './forwarding-status';
import type { OutboxStore } from './forwarder';

export function watchForwardingStatus(
  outbox: Pick<OutboxStore, 'countAfter'>,
  onStatus: (status: ForwardingStatus) => void,
  pollMs = 2000,
): () => void {
  let stopped = false;
  const refresh = async () => {
    try {
      const status = await loadForwardingStatus(outbox, await loadActivePolicy());
      if (!stopped) onStatus(status);
    } catch (error) {
      console.error('Gatehouse could not read the forwarding status', error);
    }
  };
  const onChanged = (changes: Record<string, unknown>, area: string) => {
    if ((area === 'local' && forwardStateKey in changes) || area === 'managed') void refresh();
  };
  browser.storage.onChanged.addListener(onChanged);
  const timer = setInterval(() => void refresh(), pollMs);
  void refresh();
  return () => {
    stopped = true;
    clearInterval(timer);
    browser.storage.onChanged.removeListener(onChanged);
  };
}
