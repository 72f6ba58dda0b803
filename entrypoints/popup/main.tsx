// The admin popup page: wires LogPopup to the IndexedDB log, storage.local and browser.i18n.
import { render } from 'preact';
import browser from 'webextension-polyfill';
import { LogPopup, type PopupSource } from '../../components/log-popup';
import { readActivePolicyStatus } from '../../lib/browser/active-policy-status';
import { downloadText } from '../../lib/browser/download-text';
import { EventStore } from '../../lib/browser/event-store';

const store = EventStore.open();
const t = (key: string, substitutions?: string[]) => browser.i18n.getMessage(key, substitutions) || key;
const locale = browser.i18n.getUILanguage();
document.documentElement.lang = locale;
document.title = t('popup_title');

const source: PopupSource = {
  status: readActivePolicyStatus,
  countsByDay: async (bounds, kinds) => (await store).countsByDay(bounds, kinds),
  services: async () => (await store).services(),
  scan: async (filter, onChunk, signal) => (await store).scan(filter, { onChunk, signal }),
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
