// Counts per kind and per service for the events in the list; each count is a button that narrows the
// list to it (and a second press widens it again).
import { eventKinds, type EventKind } from '../lib/log/event-schema';
import { topServices, type EventTally } from '../lib/log/event-tally';
import type { ServiceLabel } from '../lib/catalog/service-names';
import { kindColors, kindLabel } from './event-kind-style';
import type { Translate } from '../lib/translate';

export interface EventCountsProps {
  tally: EventTally;
  label: (id: string) => ServiceLabel;
  /** The kind and service the list is narrowed to ('' for all). */
  kind: EventKind | '';
  service: string;
  onKind: (kind: EventKind | '') => void;
  onService: (service: string) => void;
  t: Translate;
}

const shownServices = 8;

export function EventCounts({ tally, label, kind, service, onKind, onService, t }: EventCountsProps) {
  // The chosen kind and service keep their buttons while the list is read again (and when it is empty),
  // so the button just pressed keeps the focus and can be pressed again to widen the list.
  const kinds = eventKinds.filter((k) => tally.byKind[k] || k === kind);
  const services = topServices(tally, shownServices);
  if (service && !services.some((s) => s.service === service)) services.unshift({ service, count: 0 });
  if (!kinds.length && !services.length) return null;
  return (
    <section class="event-counts" aria-labelledby="counts-title">
      <h2 id="counts-title" class="visually-hidden">
        {t('popup_countsTitle')}
      </h2>
      {kinds.length ? (
        <div class="count-group" role="group" aria-label={t('popup_countsByKind')}>
          {kinds.map((k) => (
            <button
              type="button"
              key={k}
              class="count-chip"
              data-kind={k}
              aria-pressed={kind === k}
              onClick={() => onKind(kind === k ? '' : k)}
            >
              <span class="swatch" style={{ background: kindColors[k] }} aria-hidden="true" />
              {kindLabel(t, k)} <strong>{tally.byKind[k] ?? 0}</strong>
            </button>
          ))}
        </div>
      ) : null}
      {services.length ? (
        <div class="count-group" role="group" aria-label={t('popup_countsByService')}>
          {services.map(({ service: id, count }) => {
            const { name, title } = label(id);
            return (
              <button
                type="button"
                key={id}
                class="count-chip"
                data-service={id}
                title={title}
                aria-pressed={service === id}
                onClick={() => onService(service === id ? '' : id)}
              >
                {name} <strong>{count}</strong>
              </button>
            );
          })}
          {tally.byService.size > shownServices ? (
            <span class="count-more">
              {t('popup_countsMore', [String(tally.byService.size - shownServices)])}
            </span>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}
