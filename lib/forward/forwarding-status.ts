// The forwarding status the popup shows: the stored state (ForwardState) seen with the policy's settings
// and the backlog still in the outbox.
import type { ForwardState } from './forward-state';

export interface ForwardingStatus {
  enabled: boolean;
  endpoint: string | null;
  backlog: number;
  lastSuccessAt: number | null;
  lastError: { at: number; message: string } | null;
  retryAt: number | null;
  sent: number;
  dropped: number;
}

export function forwardingStatus(
  state: ForwardState,
  settings: { enabled: boolean; endpoint: string } | undefined,
  backlog: number,
): ForwardingStatus {
  return {
    enabled: settings?.enabled ?? false,
    endpoint: settings?.endpoint ?? null,
    backlog,
    lastSuccessAt: state.lastSuccessAt,
    lastError: state.lastError,
    retryAt: state.retryAt,
    sent: state.sent,
    dropped: state.dropped,
  };
}
