// Filters for the admin popup's event list; applied while the store streams events newest first.
import type { EventKind, LogEvent } from './event-schema';

export interface EventFilter {
  /** Empty: every kind. */
  kinds: EventKind[];
  /** Exact service id; empty: every service. */
  service: string;
  /** Inclusive lower and exclusive upper bound on time (ms since the epoch). */
  from?: number | undefined;
  to?: number | undefined;
  /** Case-insensitive substring over host, service, rule, kind and the kind's details. */
  text: string;
}

export const emptyFilter: EventFilter = { kinds: [], service: '', text: '' };

/** The text a search matches against: every field a person would read in the list. */
export function eventSearchText(event: LogEvent): string {
  const parts: string[] = [
    event.kind,
    event.service ?? '',
    event.host ?? '',
    event.rule ?? '',
    event.url ?? '',
  ];
  if ('justification' in event) parts.push(event.justification);
  if ('counts' in event) parts.push(Object.keys(event.counts).join(' '));
  if ('reason' in event) parts.push(event.reason);
  if ('trigger' in event && event.trigger) parts.push(event.trigger);
  if ('extensions' in event) for (const extension of event.extensions) parts.push(extension);
  if ('problem' in event) parts.push(event.problem);
  if ('error' in event) parts.push(event.error);
  if ('policy' in event) parts.push(event.policy.name, event.policy.version, event.policy.source);
  return parts.join('\n').toLowerCase();
}

export function compileFilter(filter: EventFilter): (event: LogEvent) => boolean {
  const kinds = filter.kinds.length ? new Set<string>(filter.kinds) : undefined;
  const needle = filter.text.trim().toLowerCase();
  return (event) =>
    (!kinds || kinds.has(event.kind)) &&
    (!filter.service || event.service === filter.service) &&
    (filter.from === undefined || event.time >= filter.from) &&
    (filter.to === undefined || event.time < filter.to) &&
    (!needle || eventSearchText(event).includes(needle));
}
