// Visits to AI services that nothing else records: in audit mode the decision enforcement would have taken
// (would_block, would_warn), and allowed services when the policy's logging asks (visited_allowed). One
// event per tab and service: a tab's further pages on the same service are the same visit.
import { z } from 'zod';
import type { CompiledPolicy } from '../policy/compile-policy';
import type { Decision } from '../policy/decide';
import { decisionEvent } from './decision-event';
import type { NewLogEvent } from './event-schema';

const visitKinds = ['would_block', 'would_warn', 'visited_allowed'] as const;
type VisitKind = (typeof visitKinds)[number];

export const tabVisitSchema = z.strictObject({ key: z.string(), kind: z.enum(visitKinds) });
/** storage.session value: tab id → the service its top frame is on (absent: none). */
export const tabVisitsSchema = z.record(z.string().regex(/^\d+$/), tabVisitSchema);
export type TabVisits = z.infer<typeof tabVisitsSchema>;

/** Which visit event a top-level page with this decision is, or null when it is none of them. */
export function visitKind(decision: Decision, compiled: CompiledPolicy): VisitKind | null {
  if (decision.action === 'none' || !decision.host) return null;
  if (!decision.enforced && decision.action === 'block') return 'would_block';
  if (!decision.enforced && decision.action === 'warn') return 'would_warn';
  if (decision.action === 'allow' && compiled.policy.logging.visitedAllowed) return 'visited_allowed';
  return null;
}

/**
 * A top-level page committed in a tab: the event to record (or null) and the tabs' visits after it. A
 * page on another service, or on no service, ends the tab's visit.
 */
export function visitOnCommit(
  visits: TabVisits,
  tabId: number,
  url: string,
  decision: Decision,
  compiled: CompiledPolicy,
): { event: NewLogEvent | null; visits: TabVisits } {
  const kind = visitKind(decision, compiled);
  const { [tabId]: previous, ...others } = visits;
  if (!kind) return { event: null, visits: others };
  const visit = { key: decision.service?.id ?? decision.host!, kind };
  const next = { ...others, [tabId]: visit };
  if (previous?.key === visit.key && previous.kind === visit.kind) return { event: null, visits: next };
  return { event: decisionEvent(kind, decision, compiled, url), visits: next };
}
