// The admin popup page: wires LogPopup to the IndexedDB log, storage.local, permissions, the background's
// policy view and browser.i18n.
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { ForwardingPanel } from '../../components/forwarding-panel';
import { HostAccessNotice } from '../../components/host-access-notice';
import { LogPopup, type PopupSource } from '../../components/log-popup';
import '../../components/popup.css';
import { EventStore } from '../../lib/browser/event-store';
import { hasHostAccess, onHostAccessChange } from '../../lib/browser/host-access';
import type { ForwardingStatus } from '../../lib/forward/forwarding-status';
import { downloadText } from '../../lib/pages/download-text';
import { regionName, translate as t, uiLanguage } from '../../lib/pages/i18n';
import { loadPolicyStatus } from '../../lib/pages/load-policy-status';
import { fetchPolicyView } from '../../lib/pages/policy-view-client';
import { watchForwardingStatus } from '../../lib/pages/watch-forwarding-status';

// Both start before the first render: the first rows wait on them.
const store = EventStore.open();
const status = loadPolicyStatus();
const locale = uiLanguage();
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
  oldestEventTime: async () => (await store).oldestTime(),
  policyView: fetchPolicyView,
};

function Forwarding() {
  const [status, setStatus] = useState<ForwardingStatus | null>(null);
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const outbox = { countAfter: async (cursor: number) => (await store).countAfter(cursor) };
    return watchForwardingStatus(outbox, (next) => {
      setStatus(next);
      setNow(Date.now());
    });
  }, []);
  return <ForwardingPanel status={status} now={now} t={t} locale={locale} />;
}

function HostAccess() {
  const [granted, setGranted] = useState<boolean | null>(null);
  useEffect(() => {
    const check = () => void hasHostAccess().then(setGranted, () => setGranted(false));
    check();
    onHostAccessChange(check);
  }, []);
  return <HostAccessNotice granted={granted} t={t} />;
}

render(
  <LogPopup
    aside={
      <>
        <HostAccess />
        <Forwarding />
      </>
    }
    source={source}
    t={t}
    locale={locale}
    region={regionName}
    onFirstRows={() => performance.mark('gatehouse:first-row')}
  />,
  document.getElementById('app')!,
);
