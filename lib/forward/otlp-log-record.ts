// Maps one stored LogEvent to an OTLP log record, sending only the fields the policy allows.
import type { LogEvent } from '../log/event-schema';
import type { AnyValue, KeyValue, LogRecord } from './otlp-schema';
import type { ForwardedFields } from '../policy/forwarding-settings';

/** An event in the outbox: the log's own event plus the sequence number the store gave it. */
export interface OutboxRow {
  seq: number;
  event: LogEvent;
}

// Decisions doing their job are INFO; users overriding a guard or the log losing data are WARN.
const severities: Record<LogEvent['kind'], { number: number; text: string }> = {
  blocked: { number: 9, text: 'INFO' },
  warned: { number: 9, text: 'INFO' },
  continued: { number: 13, text: 'WARN' },
  went_back: { number: 9, text: 'INFO' },
  redacted: { number: 9, text: 'INFO' },
  paste_blocked: { number: 9, text: 'INFO' },
  paste_override: { number: 13, text: 'WARN' },
  upload_redacted: { number: 9, text: 'INFO' },
  upload_blocked: { number: 9, text: 'INFO' },
  upload_override: { number: 13, text: 'WARN' },
  // The guard cannot see a site's composer or send button any more: admins should look.
  guard_unavailable: { number: 13, text: 'WARN' },
  visited_allowed: { number: 9, text: 'INFO' },
  would_block: { number: 9, text: 'INFO' },
  would_warn: { number: 9, text: 'INFO' },
  access_requested: { number: 9, text: 'INFO' },
  policy_applied: { number: 9, text: 'INFO' },
  policy_error: { number: 17, text: 'ERROR' },
  log_pruned: { number: 13, text: 'WARN' },
  log_flood: { number: 13, text: 'WARN' },
  // A lost capability; its recovery is reported at INFO (see severityOf).
  health: { number: 13, text: 'WARN' },
};

function severityOf(event: LogEvent): { number: number; text: string } {
  return event.kind === 'health' && event.ok ? { number: 9, text: 'INFO' } : severities[event.kind];
}

export const str = (value: string): AnyValue => ({ stringValue: value });
export const int = (value: number): AnyValue => ({ intValue: String(Math.trunc(value)) });
const bool = (value: boolean): AnyValue => ({ boolValue: value });

/** Milliseconds since the epoch as OTLP's fixed64 nanoseconds, exact (no float rounding). */
export function unixNanos(ms: number): string {
  return ms <= 0 ? '0' : `${Math.trunc(ms)}000000`;
}

export function toOtlpLogRecord(row: OutboxRow, fields: ForwardedFields, observedAt: number): LogRecord {
  const { event } = row;
  const attributes: KeyValue[] = [
    { key: 'event.id', value: str(event.id) },
    { key: 'event.name', value: str(`gatehouse.${event.kind}`) },
    { key: 'gatehouse.seq', value: int(row.seq) },
  ];
  const add = (key: string, value: AnyValue | undefined) => {
    if (value !== undefined) attributes.push({ key, value });
  };
  add('gatehouse.service', event.service === null ? undefined : str(event.service));
  add('url.domain', event.host === null ? undefined : str(event.host));
  add('url.full', fields.urls && event.url !== undefined ? str(event.url) : undefined);
  add('gatehouse.rule', event.rule === null ? undefined : str(event.rule));
  add('gatehouse.incognito', bool(event.incognito));
  add(
    'gatehouse.trigger',
    'trigger' in event && event.trigger !== undefined ? str(event.trigger) : undefined,
  );
  if ('extensions' in event) {
    add('gatehouse.files', int(event.files));
    add('gatehouse.file_extensions', { arrayValue: { values: event.extensions.map(str) } });
  }
  switch (event.kind) {
    case 'blocked':
      add('gatehouse.resource_type', event.resourceType === undefined ? undefined : str(event.resourceType));
      add('gatehouse.count', event.count === undefined ? undefined : int(event.count));
      break;
    case 'continued':
      add('gatehouse.justification', fields.justifications ? str(event.justification) : undefined);
      break;
    case 'redacted':
    case 'upload_redacted':
      add('gatehouse.counts', countsValue(event.counts));
      break;
    case 'paste_blocked':
    case 'upload_blocked':
      add('gatehouse.counts', countsValue(event.counts));
      add('gatehouse.reason', str(event.reason));
      break;
    case 'paste_override':
    case 'upload_override':
      add('gatehouse.counts', countsValue(event.counts));
      add('gatehouse.justification', fields.justifications ? str(event.justification) : undefined);
      break;
    case 'guard_unavailable':
      add('gatehouse.problem', str(event.problem));
      add('gatehouse.count', int(event.count));
      break;
    case 'access_requested':
      add('gatehouse.page', str(event.page));
      break;
    case 'policy_applied':
      add('gatehouse.policy.name', str(event.policy.name));
      add('gatehouse.policy.version', str(event.policy.version));
      add('gatehouse.policy.source', str(event.policy.source));
      break;
    case 'policy_error':
      add('gatehouse.error', str(event.error));
      break;
    case 'log_pruned':
      add('gatehouse.removed', int(event.removed));
      add('gatehouse.reason', str(event.reason));
      break;
    case 'log_flood':
      add('gatehouse.flood.phase', str(event.phase));
      add('gatehouse.flood.suppressed', int(event.suppressed));
      break;
    case 'health':
      add('gatehouse.health.check', str(event.check));
      add('gatehouse.health.ok', bool(event.ok));
      add('gatehouse.detail', str(event.detail));
      break;
    default:
      break;
  }
  const severity = severityOf(event);
  return {
    timeUnixNano: unixNanos(event.time),
    observedTimeUnixNano: unixNanos(observedAt),
    severityNumber: severity.number,
    severityText: severity.text,
    body: str(summary(event)),
    attributes,
  };
}

function countsValue(counts: Partial<Record<string, number>>): AnyValue {
  const values = Object.entries(counts)
    .filter((entry): entry is [string, number] => entry[1] !== undefined)
    .map(([key, count]) => ({ key, value: int(count) }));
  return { kvlistValue: { values } };
}

/** A one-line human summary; it carries no field the minimisation settings withhold. */
function summary(event: LogEvent): string {
  const subject = event.host ?? event.service ?? '';
  switch (event.kind) {
    case 'policy_applied':
      return `policy_applied ${event.policy.name} ${event.policy.version} (${event.policy.source})`;
    case 'policy_error':
      return 'policy_error';
    case 'log_pruned':
      return `log_pruned ${event.removed} events`;
    case 'log_flood':
      return `log_flood ${event.phase} ${event.suppressed} held back`;
      break;
    case 'health':
      return `health ${event.check} ${event.ok ? 'ok' : 'failing'}`;
    default:
      return subject ? `${event.kind} ${subject}` : event.kind;
  }
}
