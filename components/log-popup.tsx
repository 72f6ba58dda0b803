// The admin popup: status header for everyone; behind the admin gate, the log (chart, counts, filtered
// event list, export) and the policy view, as two tabs.
import type { ComponentChildren } from 'preact';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { serviceLabeller, type ServiceLabel } from '../lib/catalog/service-names';
import {
  chartBuckets,
  dayBoundaries,
  type ChartBuckets,
  type DayCounts,
  type KindCounts,
} from '../lib/log/day-buckets';
import { eventKinds, type EventKind } from '../lib/log/event-schema';
import { eventsToCsv, eventsToJson } from '../lib/log/event-export';
import type { EventFilter } from '../lib/log/event-filter';
import { addToTally, emptyTally, type EventTally } from '../lib/log/event-tally';
import { verifyPassphrase } from '../lib/policy/passphrase-hash';
import type { PolicyStatus } from '../lib/log/policy-status';
import type { StoredLogEvent } from '../lib/log/stored-event';
import type { PolicyViewRow } from '../lib/policy/policy-view';
import { AdminGate } from './admin-gate';
import { EventChart } from './event-chart';
import { EventCounts } from './event-counts';
import { EventFilters, initialFilterState, toEventFilter, type FilterState } from './event-filters';
import { EventTable } from './event-table';
import { PolicyView } from './policy-view';
import { PopupTabs } from './popup-tabs';
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
  /** Time of the oldest stored event, null for an empty log: a new install's chart shows hours. */
  oldestEventTime(): Promise<number | null>;
  /** What the policy in force does to every service (the background explains it: the popup does not decide). */
  policyView(): Promise<PolicyViewRow[]>;
}

export interface LogPopupProps {
  source: PopupSource;
  t: Translate;
  locale: string;
  onFirstRows?: () => void;
  /** Shown under the status header for everyone (the forwarding status). */
  aside?: ComponentChildren;
  /** Country names for codes (Intl.DisplayNames in the page). */
  region?: (code: string) => string;
}

const plainLabel = (id: string): ServiceLabel => ({ name: id, title: id });

function useEventScan(
  source: PopupSource,
  filter: EventFilter | undefined,
  onError: (error: unknown) => void,
) {
  const events = useRef<StoredLogEvent[]>([]);
  const tally = useRef<EventTally>(emptyTally);
  const done = useRef<Promise<unknown>>(Promise.resolve());
  const [version, setVersion] = useState(0);
  const [loading, setLoading] = useState(false);
  const [finished, setFinished] = useState(false);
  const key = JSON.stringify(filter);
  useEffect(() => {
    if (!filter) return;
    const controller = new AbortController();
    events.current = [];
    tally.current = emptyTally;
    setVersion((v) => v + 1);
    setLoading(true);
    done.current = source
      .scan(
        filter,
        (chunk) => {
          events.current.push(...chunk);
          tally.current = addToTally(tally.current, chunk);
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
  return { events, tally, done, version, loading, finished };
}

export function LogPopup({ source, t, locale, onFirstRows, aside, region = (code) => code }: LogPopupProps) {
  const [status, setStatus] = useState<PolicyStatus>();
  const [today, setToday] = useState<KindCounts>();
  const [oldest, setOldest] = useState<number | null>();
  const [chart, setChart] = useState<{ buckets: ChartBuckets; days: DayCounts[] }>();
  const [services, setServices] = useState<string[]>([]);
  const [policyView, setPolicyView] = useState<PolicyViewRow[]>();
  const [unlocked, setUnlocked] = useState(false);
  const [tab, setTab] = useState<'log' | 'policy'>('log');
  const [filterState, setFilterState] = useState<FilterState>(initialFilterState);
  const [searchText, setSearchText] = useState('');
  const [error, setError] = useState<string>();
  const fail = (e: unknown) => setError(String(e));

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
      .catch(fail);
  }, []);

  useEffect(() => {
    if (!countsWanted) return;
    source
      .countsByDay(dayBoundaries(source.now(), 1), eventKinds)
      .then((days) => setToday(days[0]?.counts ?? {}))
      .catch(fail);
  }, [countsWanted]);

  useEffect(() => {
    if (!unlocked || !countsWanted) return;
    source.services().then(setServices, fail);
    source.oldestEventTime().then(setOldest, fail);
  }, [unlocked, countsWanted]);

  // The chart follows the time range: hours for a day (or a log younger than a day), else days.
  useEffect(() => {
    if (!unlocked || oldest === undefined) return;
    const buckets = chartBuckets(filterState.range, source.now(), oldest);
    source
      .countsByDay(buckets.bounds, eventKinds)
      .then((days) => setChart({ buckets, days }))
      .catch(fail);
  }, [unlocked, oldest, filterState.range]);

  // The policy view (and the display names the log takes from it) once the first rows are shown, or at
  // once when the admin opens the Policy tab; read once per popup.
  const policyWanted = unlocked && (countsWanted || tab === 'policy');
  useEffect(() => {
    if (policyWanted) source.policyView().then(setPolicyView, fail);
  }, [policyWanted]);

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
  const scan = useEventScan(source, filter, fail);
  useEffect(() => {
    if (scan.finished) setCountsWanted(true);
  }, [scan.finished]);

  // Display names come with the policy view (its own services are named too); ids until it is read.
  const label = useMemo(
    () =>
      policyView
        ? serviceLabeller(
            policyView.flatMap((r) =>
              r.service ? [{ id: r.service, name: r.serviceName ?? r.service }] : [],
            ),
          )
        : plainLabel,
    [policyView],
  );

  async function exportEvents(format: 'csv' | 'json') {
    await scan.done.current;
    const stamp = new Date(source.now()).toISOString().replace(/[:.]/g, '-');
    if (format === 'csv')
      source.download(`gatehouse-log-${stamp}.csv`, eventsToCsv(scan.events.current), 'text/csv');
    else
      source.download(`gatehouse-log-${stamp}.json`, eventsToJson(scan.events.current), 'application/json');
  }

  const log = (
    <>
      {chart && <EventChart days={chart.days} unit={chart.buckets.unit} locale={locale} t={t} />}
      <EventFilters
        state={filterState}
        services={services}
        label={label}
        onChange={setFilterState}
        onExport={(format) => void exportEvents(format)}
        t={t}
      />
      <EventCounts
        tally={scan.tally.current}
        label={label}
        kind={kind}
        service={service}
        onKind={(next) => setFilterState({ ...filterState, kind: next })}
        onService={(next) => setFilterState({ ...filterState, service: next })}
        t={t}
      />
      <EventTable
        events={scan.events.current}
        version={scan.version}
        loading={scan.loading}
        locale={locale}
        label={label}
        t={t}
        onFirstRows={() => {
          onFirstRows?.();
          setCountsWanted(true);
        }}
      />
    </>
  );

  return (
    <main>
      <StatusHeader status={status} today={today} t={t} />
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
        <PopupTabs
          label={t('popup_title')}
          tabs={[
            { id: 'log', label: t('popup_tabLog') },
            { id: 'policy', label: t('popup_tabPolicy') },
          ]}
          selected={tab}
          onSelect={setTab}
        >
          {tab === 'log' ? log : <PolicyView rows={policyView} t={t} region={region} />}
        </PopupTabs>
      )}
    </main>
  );
}
