// Which blocked requests are Gatehouse's to log: decide() on the policy in force says block or warn (and
// enforces it). Other extensions' blocks and the block page's own top-level navigations are not.
import { decisionEvent } from './decision-event';
import type { CompiledPolicy } from '../policy/compile-policy';
import { decideCompiled } from '../policy/decide';
import { requestTypes, type NewLogEvent, type RequestType } from './event-schema';

export type BlockedEventInput = Extract<NewLogEvent, { kind: 'blocked' }>;

/** The browser's request type as the log names it; null for a page (the block page records those). */
export function requestTypeOf(type: string): RequestType | null {
  if (type === 'main_frame') return null;
  return (requestTypes as readonly string[]).includes(type) ? (type as RequestType) : 'other';
}

/**
 * The event for a request below the page the browser blocked, or null when Gatehouse's policy does not
 * stop its URL there: a blocked service, or a warned one (only its page can show the warning).
 */
export function blockedRequestEvent(url: string, compiled: CompiledPolicy): BlockedEventInput | null {
  const decision = decideCompiled(url, compiled);
  if ((decision.action !== 'block' && decision.action !== 'warn') || !decision.enforced) return null;
  return decisionEvent('blocked', decision, compiled, url) as BlockedEventInput;
}
