// Export of log events: CSV (RFC 4180, guarded against formula injection) and JSON (an array of LogEvent).
import type { LogEvent } from './event-schema';

export const csvColumns = [
  'id',
  'time',
  'kind',
  'service',
  'host',
  'url',
  'rule',
  'incognito',
  'justification',
  'counts',
  'policy',
  'detail',
] as const;

/** Quotes when needed; a cell a spreadsheet would run as a formula gets a leading apostrophe. */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

function detail(event: LogEvent): string {
  if ('error' in event) return event.error;
  if (event.kind === 'log_pruned') return `${event.removed} removed: ${event.reason}`;
  if ('reason' in event) return event.reason;
  if (event.kind === 'blocked' && event.resourceType) return `${event.resourceType} × ${event.count ?? 1}`;
  return '';
}

export function csvRow(event: LogEvent): Record<(typeof csvColumns)[number], string> {
  return {
    id: event.id,
    time: new Date(event.time).toISOString(),
    kind: event.kind,
    service: event.service ?? '',
    host: event.host ?? '',
    url: event.url ?? '',
    rule: event.rule ?? '',
    incognito: String(event.incognito),
    justification: 'justification' in event ? event.justification : '',
    counts:
      'counts' in event
        ? Object.entries(event.counts)
            .map(([type, n]) => `${type}=${n}`)
            .join(';')
        : '',
    policy: 'policy' in event ? `${event.policy.name} ${event.policy.version} (${event.policy.source})` : '',
    detail: detail(event),
  };
}

export function eventsToCsv(events: Iterable<LogEvent>): string {
  const lines = [csvColumns.join(',')];
  for (const event of events) {
    const row = csvRow(event);
    lines.push(csvColumns.map((column) => csvCell(row[column])).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}

/** Drops store-only fields (seq) so the export is exactly LogEvents. */
export function eventsToJson(events: Iterable<LogEvent & { seq?: number }>): string {
  const plain = [...events].map(({ seq: _seq, ...event }) => event);
  return `${JSON.stringify(plain, null, 2)}\n`;
}
