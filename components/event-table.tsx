// The event list, newest first, virtualised: fixed-height rows, only those in view (plus a margin) rendered.
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { ServiceLabel } from '../lib/catalog/service-names';
import type { LogEvent } from '../lib/log/event-schema';
import type { StoredLogEvent } from '../lib/log/stored-event';
import { kindColors, kindLabel } from './event-kind-style';
import type { Translate } from '../lib/translate';

export interface EventTableProps {
  /** Grows while the store streams; `version` changes whenever it did. */
  events: StoredLogEvent[];
  version: number;
  loading: boolean;
  locale: string;
  t: Translate;
  /** Display name for a service id (the id itself, and the full name, on hover). */
  label?: ((id: string) => ServiceLabel) | undefined;
  /** Called once, after the first rows were painted (the popup marks its first-render time here). */
  onFirstRows?: () => void;
  rowHeight?: number;
  viewportHeight?: number;
}

const overscan = 8;
const plainLabel = (id: string): ServiceLabel => ({ name: id, title: id });

function eventDetail(event: LogEvent, t: Translate): string {
  switch (event.kind) {
    case 'blocked':
      // A request below the page (frame, fetch, websocket…): its type and how many were coalesced.
      return event.resourceType ? `${event.resourceType} × ${event.count ?? 1}` : '';
    case 'continued':
      return event.justification ? `“${event.justification}”` : t('popup_noJustification');
    case 'paste_override':
    case 'redacted':
    case 'paste_blocked':
      return [event.trigger, countsText(event.counts)].filter(Boolean).join(' · ');
    case 'upload_redacted':
    case 'upload_blocked':
    case 'upload_override':
      return [`${event.files} × ${event.extensions.join('/')}`, countsText(event.counts)]
        .filter(Boolean)
        .join(' · ');
    case 'guard_unavailable':
      return `${event.trigger ?? ''} ${event.problem} × ${event.count}`.trim();
    case 'policy_applied':
      return `${event.policy.name} ${event.policy.version} (${t(`popup_source_${event.policy.source.replace('-', '_')}`)})`;
    case 'policy_error':
      return event.error;
    case 'log_pruned':
      return t('popup_pruned', [String(event.removed), event.reason]);
    case 'log_flood':
      return t('popup_flood', [t(`popup_flood_${event.phase}`), String(event.suppressed)]);
    case 'health':
      return t(`popup_health_${event.check}_${event.ok ? 'ok' : 'failing'}`);
    default:
      return '';
  }
}

function countsText(counts: Partial<Record<string, number>>): string {
  return Object.entries(counts)
    .map(([type, n]) => `${type} × ${n}`)
    .join(', ');
}

export function EventTable(props: EventTableProps) {
  const { events, loading, locale, t, onFirstRows } = props;
  const label = props.label ?? plainLabel;
  const rowHeight = props.rowHeight ?? 28;
  const viewportHeight = props.viewportHeight ?? 280;
  const [scrollTop, setScrollTop] = useState(0);
  const announced = useRef(false);
  const timeFormat = useMemo(
    () => new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeStyle: 'medium' }),
    [locale],
  );

  useEffect(() => {
    if (!announced.current && events.length) {
      announced.current = true;
      onFirstRows?.();
    }
  });

  const first = Math.max(0, Math.floor(scrollTop / rowHeight) - overscan);
  const last = Math.min(events.length, Math.ceil((scrollTop + viewportHeight) / rowHeight) + overscan);
  const visible = events.slice(first, last);

  // The scrolling viewport is the body's rowgroup (and focusable, so the keyboard scrolls it); the count
  // sits outside the table, which may own only rows and rowgroups.
  return (
    <div class="event-table">
      <div role="table" aria-label={t('popup_eventsLabel')} aria-rowcount={events.length + 1}>
        <div role="rowgroup">
          <div class="event-row event-head" role="row" aria-rowindex={1}>
            <span role="columnheader">{t('popup_colTime')}</span>
            <span role="columnheader">{t('popup_colKind')}</span>
            <span role="columnheader">{t('popup_colService')}</span>
            <span role="columnheader">{t('popup_colHost')}</span>
            <span role="columnheader">{t('popup_colRule')}</span>
            <span role="columnheader">{t('popup_colDetail')}</span>
          </div>
        </div>
        <div
          class="event-viewport"
          role="rowgroup"
          style={{ height: `${viewportHeight}px` }}
          tabIndex={0}
          onScroll={(e) => setScrollTop((e.currentTarget as HTMLElement).scrollTop)}
        >
          <div style={{ height: `${events.length * rowHeight}px`, position: 'relative' }}>
            {visible.map((event, i) => (
              <div
                class="event-row"
                role="row"
                key={event.seq}
                aria-rowindex={first + i + 2}
                data-kind={event.kind}
                data-id={event.id}
                style={{ top: `${(first + i) * rowHeight}px`, height: `${rowHeight}px` }}
              >
                <span role="cell">{timeFormat.format(event.time)}</span>
                <span role="cell">
                  <span class="swatch" style={{ background: kindColors[event.kind] }} aria-hidden="true" />
                  {kindLabel(t, event.kind)}
                  {event.incognito ? ` (${t('popup_incognito')})` : ''}
                </span>
                {event.service === null ? (
                  <span role="cell" />
                ) : (
                  <span role="cell" title={label(event.service).title} data-service={event.service}>
                    {label(event.service).name}
                  </span>
                )}
                <span role="cell" title={event.url ?? event.host ?? ''}>
                  {event.host ?? ''}
                </span>
                <span role="cell">{event.rule ?? ''}</span>
                <span role="cell" class="detail" title={eventDetail(event, t)}>
                  {eventDetail(event, t)}
                </span>
              </div>
            ))}
          </div>
        </div>
      </div>
      <p class="event-count" aria-live="polite">
        {loading
          ? t('popup_loadingEvents', [String(events.length)])
          : t('popup_eventCount', [String(events.length)])}
      </p>
    </div>
  );
}
