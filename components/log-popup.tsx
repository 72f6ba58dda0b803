// The admin popup: status header for everyone; chart, filtered event list and export behind the admin gate.
import type { ComponentChildren } from 'preact';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { dayBoundaries, type DayCounts } from '../lib/log/day-buckets';
import { eventKinds, type EventKind } from '../lib/log/event-schema';
import { eventsToCsv, eventsToJson } from '../lib/log/event-export';
import type { EventFilter } from '../lib/log/event-filter';
import { verifyPassphrase } from '../lib/policy/passphrase-hash';
import type { PolicyStatus } from '../lib/log/policy-status';
import type { StoredLogEvent } from '../lib/log/stored-event';
import { AdminGate } from './admin-gate';
import { EventChart } from './event-chart';
import { EventFilters, initialFilterState, toEventFilter, type FilterState } from './event-filters';
import { EventTable } from './event-table';
import { StatusHeader } from './status-header';
import type { Translate } from '../lib/translate';

/** Everything the popup reads or does outside itself; the page passes the IndexedDB/browser versions. */
export interface PopupSource {
  status(): Promise<PolicyStatus>;
  countsByDay(bounds: number[], kinds: readonly EventKind[]): Promise<DayCounts[]>;
  services(): Promise<string[]>;
  scan(
    filter: EventFilter,
    onChunk: (events: StoredLogEvent[]) => void,
    signal: AbortSignal,
  ): Promise<number>;
  download(filename: string, text: string, type: string): void;
  now(): number;
}

export interface LogPopupProps {
  source: PopupSource;
  t: Translate;
  locale: string;
  onFirstRows?: () => void;
  /** Shown under the status header for everyone (the forwarding status). */
  aside?: ComponentChildren;
}

function useEventScan(
  source: PopupSource,
  filter: EventFilter | undefined,
  onError: (error: unknown) => void,
) {
  const events = useRef<StoredLogEvent[]>([]);
  const done = useRef<Promise<unknown>>(Promise.resolve());
  const [version, setVersion] = useState(0);
  const [loading, setLoading] = useState(false);
  const [finished, setFinished] = useState(false);
  const key = JSON.stringify(filter);
  useEffect(() => {
    if (!filter) return;
    const controller = new AbortController();
    events.current = [];
    setVersion((v) => v + 1);
    setLoading(true);
    done.current = source
      .scan(
        filter,
        (chunk) => {
          events.current.push(...chunk);
          setVersion((v) => v + 1);
        },
        controller.signal,
      )
      .catch((error: unknown) => {
        if (!controller.signal.aborted) onError(error);
      })
      .finally(() => {
        if (controller.signal.aborted) return;
        setLoading(false);
        setFinished(true);
      });
    return () => controller.abort();
  }, [key]);
  return { events, done, version, loading, finished };
}

export function LogPopup({ source, t, locale, onFirstRows, aside }: LogPopupProps) {
  const [status, setStatus] = useState<PolicyStatus>();
  const [days, setDays] = useState<DayCounts[]>();
  const [services, setServices] = useState<string[]>([]);
  const [unlocked, setUnlocked] = useState(false);
  const [filterState, setFilterState] = useState<FilterState>(initialFilterState);
  const [searchText, setSearchText] = useState('');
  const [error, setError] = useState<string>();

  // Counting a month of events walks the index; it waits until the first rows are on screen.
  const [countsWanted, setCountsWanted] = useState(false);

  useEffect(() => {
    source
      .status()
      .then((s) => {
        setStatus(s);
        if (s.passphraseHash) setCountsWanted(true);
        else setUnlocked(true);
      })
      .catch((e: unknown) => setError(String(e)));
  }, []);

  useEffect(() => {
    if (!countsWanted) return;
    source
      .countsByDay(dayBoundaries(source.now(), 30), eventKinds)
      .then(setDays)
      .catch((e: unknown) => setError(String(e)));
  }, [countsWanted]);

  useEffect(() => {
    if (unlocked && countsWanted) source.services().then(setServices, (e: unknown) => setError(String(e)));
  }, [unlocked, countsWanted]);

  // Typing waits for a pause before the list is scanned again.
  useEffect(() => {
    const timer = setTimeout(() => setSearchText(filterState.text), 200);
    return () => clearTimeout(timer);
  }, [filterState.text]);

  // "Last 24 hours" is measured from when the filter was chosen, not from every render.
  const { kind, service, range } = filterState;
  const filter = useMemo(
    () => (unlocked ? toEventFilter({ kind, service, range, text: searchText }, source.now()) : undefined),
    [unlocked, kind, service, range, searchText],
  );
  const scan = useEventScan(source, filter, (e) => setError(String(e)));
  useEffect(() => {
    if (scan.finished) setCountsWanted(true);
  }, [scan.finished]);

  async function exportEvents(format: 'csv' | 'json') {
    await scan.done.current;
    const stamp = new Date(source.now()).toISOString().replace(/[:.]/g, '-');
    if (format === 'csv')
      source.download(`gatehouse-log-${stamp}.csv`, eventsToCsv(scan.events.current), 'text/csv');
    else
      source.download(`gatehouse-log-${stamp}.json`, eventsToJson(scan.events.current), 'application/json');
  }

  return (
    <main>
      <StatusHeader status={status} today={days?.[days.length - 1]?.counts} t={t} />
      {aside}
      {error && (
        <p role="alert" class="popup-error">
          {t('popup_error', [error])}
        </p>
      )}
      {status && !unlocked && (
        <AdminGate
          t={t}
          onUnlock={async (passphrase) => {
            const ok = await verifyPassphrase(passphrase, status.passphraseHash ?? '');
            if (ok) setUnlocked(true);
            return ok;
          }}
        />
      )}
      {unlocked && (
        <>
          {days && <EventChart days={days} locale={locale} t={t} />}
          <EventFilters
            state={filterState}
            services={services}
            onChange={setFilterState}
            onExport={(format) => void exportEvents(format)}
            t={t}
          />
          <EventTable
            events={scan.events.current}
            version={scan.version}
            loading={scan.loading}
            locale={locale}
            t={t}
            onFirstRows={() => {
              onFirstRows?.();
              setCountsWanted(true);
            }}
          />
        </>
      )}
    </main>
  );
}
