// The admin popup page: wires LogPopup to the IndexedDB log, storage.local and browser.i18n.
import { render } from 'preact';
import browser from 'webextension-polyfill';
import { LogPopup, type PopupSource } from '../../components/log-popup';
import { readActivePolicyStatus } from '../../lib/browser/active-policy-status';
import { downloadText } from '../../lib/browser/download-text';
import { EventStore } from '../../lib/browser/event-store';

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

render(
  <LogPopup
    source={source}
    t={t}
    locale={locale}
    onFirstRows={() => performance.mark('gatehouse:first-row')}
  />,
  document.getElementById('app')!,
);
