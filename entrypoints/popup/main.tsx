// The admin popup page: wires LogPopup to the IndexedDB log, storage.local and browser.i18n.
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { ForwardingStatus } from '../../components/forwarding-status';
import { LogPopup, type PopupSource } from '../../components/log-popup';
import { readActivePolicyStatus } from '../../lib/browser/active-policy-status';
import { downloadText } from '../../lib/browser/download-text';
import { EventStore } from '../../lib/browser/event-store';
import { watchForwardingStatus } from '../../lib/browser/watch-forwarding-status';
import type { ForwardingStatus as ForwardingState } from '../../lib/forward/forward-state';

// Both start before the first render: the first rows wait on them.
const store = EventStore.open();
const status = readActivePolicyStatus();
const t = (key: string, substitutions?: string[]) => browser.i18n.getMessage(key, substitutions) || key;
const locale = browser.i18n.getUILanguage();
document.documentElement.lang = locale;
document.title = t('popup_title');

const source: PopupSource = {
  status: () => status,
  countsByDay: async (bounds, kinds) => (await store).countsByDay(bounds, kinds),
  services: async () => (await store).services(),
  scan: async (filter, onChunk, signal) => {
    const matched = await (await store).scan(filter, { onChunk, signal });
    // The benchmark reads this mark: when the whole (filtered) log is in the list.
    if (!signal.aborted) performance.mark('gatehouse:scan-done');
    return matched;
  },
  download: downloadText,
  now: Date.now,
};

function Forwarding() {
  const [status, setStatus] = useState<ForwardingState | null>(null);
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const outbox = { countAfter: async (cursor: number) => (await store).countAfter(cursor) };
    return watchForwardingStatus(outbox, (next) => {
      setStatus(next);
      setNow(Date.now());
    });
  }, []);
  return <ForwardingStatus status={status} now={now} t={t} locale={locale} />;
}

render(
  <LogPopup
    aside={<Forwarding />}
    source={source}
    t={t}
    locale={locale}
    onFirstRows={() => performance.mark('gatehouse:first-row')}
  />,
  document.getElementById('app')!,
);
