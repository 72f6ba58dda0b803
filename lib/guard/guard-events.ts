// The log events a paste produces: kinds, types and counts, never the pasted values.
import type { NewLogEvent } from '../log/event-schema';
import type { GuardVerdict, PiiCounts } from './check-input';
import type { GuardBlockReason } from './block-reasons';

export interface GuardEventContext {
  service: string | null;
  rule: string | null;
  host: string | null;
  incognito: boolean;
}

/** Events recorded as soon as the background decides; a warn verdict waits for the user's choice. */
export function eventsForVerdict(verdict: GuardVerdict, context: GuardEventContext): NewLogEvent[] {
  const events: NewLogEvent[] = [];
  if (verdict.action === 'block') {
    events.push({ ...context, kind: 'paste_blocked', counts: verdict.counts, reason: verdict.reason });
  }
  if ((verdict.action === 'insert' || verdict.action === 'warn') && verdict.dropFiles) {
    events.push({ ...context, kind: 'paste_blocked', counts: {}, reason: 'files' });
  }
  if (verdict.action === 'insert' && Object.keys(verdict.counts).length > 0) {
    events.push({ ...context, kind: 'redacted', counts: verdict.counts });
  }
  return events;
}

export interface GuardOutcome {
  outcome: 'redacted' | 'cancelled' | 'original';
  reason: GuardBlockReason;
  counts: PiiCounts;
  justification: string;
}

/** The event for the user's choice after a warn dialog or a block notice with "paste original". */
export function eventForOutcome(outcome: GuardOutcome, context: GuardEventContext): NewLogEvent {
  switch (outcome.outcome) {
    case 'redacted':
      return { ...context, kind: 'redacted', counts: outcome.counts };
    case 'cancelled':
      return { ...context, kind: 'paste_blocked', counts: outcome.counts, reason: 'cancelled' };
    case 'original':
      return {
        ...context,
        kind: 'paste_override',
        counts: outcome.counts,
        justification: outcome.justification,
      };
  }
}
