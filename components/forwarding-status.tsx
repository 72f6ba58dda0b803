// Forwarding status for the admin popup: last success, backlog, last error. Data in, no browser calls.
import type { ForwardingStatus as Status } from '../lib/forward/forward-state';

export interface ForwardingStatusProps {
  status: Status | null;
  now: number;
}

export function ForwardingStatus({ status, now }: ForwardingStatusProps) {
  if (!status) return null;
  if (!status.enabled) {
    return (
      <section class="forwarding" data-testid="forwarding-status" data-state="off">
        <h2>Forwarding</h2>
        <p>Off: the policy names no log pipeline.</p>
      </section>
    );
  }
  const failing = status.lastError !== null && (status.lastSuccessAt ?? 0) < status.lastError.at;
  return (
    <section class="forwarding" data-testid="forwarding-status" data-state={failing ? 'failing' : 'ok'}>
      <h2>Forwarding</h2>
      <dl>
        <dt>Endpoint</dt>
        <dd data-testid="forwarding-endpoint">{status.endpoint}</dd>
        <dt>Last success</dt>
        <dd data-testid="forwarding-last-success">{ago(status.lastSuccessAt, now) ?? 'never'}</dd>
        <dt>Backlog</dt>
        <dd data-testid="forwarding-backlog">
          {status.backlog.toLocaleString('en')} {status.backlog === 1 ? 'event' : 'events'}
        </dd>
        <dt>Forwarded</dt>
        <dd data-testid="forwarding-sent">{status.sent.toLocaleString('en')}</dd>
        {status.dropped > 0 && (
          <>
            <dt>Skipped (over cap)</dt>
            <dd data-testid="forwarding-dropped">{status.dropped.toLocaleString('en')}</dd>
          </>
        )}
        {status.lastError && (
          <>
            <dt>Last error</dt>
            <dd data-testid="forwarding-last-error">
              {status.lastError.message} ({ago(status.lastError.at, now)})
            </dd>
          </>
        )}
        {status.retryAt !== null && status.retryAt > now && (
          <>
            <dt>Next retry</dt>
            <dd data-testid="forwarding-retry">in {duration(status.retryAt - now)}</dd>
          </>
        )}
      </dl>
    </section>
  );
}

function ago(at: number | null, now: number): string | null {
  if (at === null) return null;
  return `${duration(Math.max(0, now - at))} ago`;
}

function duration(ms: number): string {
  const s = Math.round(ms / 1000);
  if (s < 60) return `${s} s`;
  if (s < 3600) return `${Math.round(s / 60)} min`;
  if (s < 86_400) return `${Math.round(s / 3600)} h`;
  return `${Math.round(s / 86_400)} d`;
}
