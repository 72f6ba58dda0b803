// Filters for the event list (kind, service, time range, text) and the export buttons.
import type { ServiceLabel } from '../lib/catalog/service-names';
import { rangeStart, timeRanges, type TimeRange } from '../lib/log/day-buckets';
import { eventKinds, type EventKind } from '../lib/log/event-schema';
import type { EventFilter } from '../lib/log/event-filter';
import { kindLabel } from './event-kind-style';
import type { Translate } from '../lib/translate';

export interface FilterState {
  kind: EventKind | '';
  service: string;
  range: TimeRange;
  text: string;
}

export const initialFilterState: FilterState = { kind: '', service: '', range: 'all', text: '' };

export function toEventFilter(state: FilterState, now: number): EventFilter {
  return {
    kinds: state.kind ? [state.kind] : [],
    service: state.service,
    text: state.text,
    from: rangeStart(state.range, now),
  };
}

export interface EventFiltersProps {
  state: FilterState;
  services: string[];
  /** Display name for a service id; the list is sorted by it. */
  label?: ((id: string) => ServiceLabel) | undefined;
  onChange: (next: FilterState) => void;
  onExport: (format: 'csv' | 'json') => void;
  t: Translate;
}

export function EventFilters({ state, services, label, onChange, onExport, t }: EventFiltersProps) {
  const named = services
    .map((id) => ({ id, ...(label ? label(id) : { name: id, title: id }) }))
    .sort((a, b) => a.name.localeCompare(b.name));
  return (
    <form class="filters" role="search" onSubmit={(e) => e.preventDefault()}>
      <span class="field">
        <label for="filter-kind">{t('popup_filterKind')}</label>
        <select
          id="filter-kind"
          name="kind"
          value={state.kind}
          onChange={(e) => onChange({ ...state, kind: (e.currentTarget.value as EventKind) || '' })}
        >
          <option value="">{t('popup_all')}</option>
          {eventKinds.map((kind) => (
            <option value={kind} key={kind}>
              {kindLabel(t, kind)}
            </option>
          ))}
        </select>
      </span>
      <span class="field">
        <label for="filter-service">{t('popup_filterService')}</label>
        <select
          id="filter-service"
          name="service"
          value={state.service}
          onChange={(e) => onChange({ ...state, service: e.currentTarget.value })}
        >
          <option value="">{t('popup_all')}</option>
          {named.map(({ id, name, title }) => (
            <option value={id} key={id} title={title}>
              {name}
            </option>
          ))}
        </select>
      </span>
      <span class="field">
        <label for="filter-range">{t('popup_filterRange')}</label>
        <select
          id="filter-range"
          name="range"
          value={state.range}
          onChange={(e) => onChange({ ...state, range: e.currentTarget.value as TimeRange })}
        >
          {timeRanges.map((range) => (
            <option value={range} key={range}>
              {t(`popup_range_${range}`)}
            </option>
          ))}
        </select>
      </span>
      <span class="field">
        <label for="filter-text">{t('popup_filterText')}</label>
        <input
          type="search"
          id="filter-text"
          name="text"
          value={state.text}
          onInput={(e) => onChange({ ...state, text: e.currentTarget.value })}
        />
      </span>
      <span class="export">
        <button type="button" onClick={() => onExport('csv')}>
          {t('popup_exportCsv')}
        </button>
        <button type="button" onClick={() => onExport('json')}>
          {t('popup_exportJson')}
        </button>
      </span>
    </form>
  );
}
