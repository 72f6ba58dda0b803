// The log event for a decision someone met: a block or warn page, Continue, Go back, Request access, a
// blocked request, a visit (audit mode's would_block and would_warn, visited_allowed).
import type { CompiledPolicy } from '../policy/compile-policy';
import type { Decision } from '../policy/decide';
import type { NewLogEvent } from './event-schema';

type DecisionEventKind =
  'blocked' | 'warned' | 'continued' | 'went_back' | 'would_block' | 'would_warn' | 'visited_allowed';

/** The log event for an interstitial decision; the full URL only when the policy asks for it. */
export function decisionEvent(
  kind: DecisionEventKind,
  decision: Decision,
  compiled: CompiledPolicy,
  url: string,
  justification = '',
): NewLogEvent {
  const common = decisionFields(decision, compiled, url);
  if (kind === 'continued') return { ...common, kind, justification: justification.slice(0, 2000) };
  return { ...common, kind };
}

/** Request access was chosen on a block or warn page: what that page stood for, decided by the background. */
export function accessRequestedEvent(
  decision: Decision,
  compiled: CompiledPolicy,
  url: string,
  page: 'blocked' | 'warn',
): NewLogEvent {
  return { ...decisionFields(decision, compiled, url), kind: 'access_requested', page };
}

function decisionFields(decision: Decision, compiled: CompiledPolicy, url: string) {
  return {
    service: decision.service?.id ?? null,
    host: decision.host,
    rule: decision.rule,
    ...(compiled.policy.logging.fullUrls ? { url: url.slice(0, 8192) } : {}),
  };
}
