// Forwarding status for the admin popup: last success, backlog, last error. Data in, no browser calls.
import type { ForwardingStatus } from '../lib/forward/forwarding-status';
import { pluralMessage, type Translate } from '../lib/translate';

export interface ForwardingPanelProps {
  status: ForwardingStatus | null;
  now: number;
  t: Translate;
  locale: string;
}

export function ForwardingPanel({ status, now, t, locale }: ForwardingPanelProps) {
  if (!status) return null;
  if (!status.enabled) {
    return (
      <section class="forwarding" data-testid="forwarding-status" data-state="off">
        <h2>{t('popup_fwd_title')}</h2>
        <p>{t('popup_fwd_off')}</p>
      </section>
    );
  }
  const number = new Intl.NumberFormat(locale);
  const relative = new Intl.RelativeTimeFormat(locale, { numeric: 'always', style: 'short' });
  const since = (at: number) => relativeTime(relative, at - now);
  const failing = status.lastError !== null && (status.lastSuccessAt ?? 0) < status.lastError.at;
  return (
    <section class="forwarding" data-testid="forwarding-status" data-state={failing ? 'failing' : 'ok'}>
      <h2>{t('popup_fwd_title')}</h2>
      <dl>
        <dt>{t('popup_fwd_endpoint')}</dt>
        <dd data-testid="forwarding-endpoint">{status.endpoint}</dd>
        <dt>{t('popup_fwd_lastSuccess')}</dt>
        <dd data-testid="forwarding-last-success">
          {status.lastSuccessAt === null ? t('popup_fwd_never') : since(status.lastSuccessAt)}
        </dd>
        <dt>{t('popup_fwd_backlog')}</dt>
        <dd data-testid="forwarding-backlog">
          {pluralMessage(t, 'popup_fwd_event', status.backlog, locale, [number.format(status.backlog)])}
        </dd>
        <dt>{t('popup_fwd_sent')}</dt>
        <dd data-testid="forwarding-sent">{number.format(status.sent)}</dd>
        {status.dropped > 0 && (
          <>
            <dt>{t('popup_fwd_dropped')}</dt>
            <dd data-testid="forwarding-dropped">{number.format(status.dropped)}</dd>
          </>
        )}
        {status.lastError && (
          <>
            <dt>{t('popup_fwd_lastError')}</dt>
            <dd data-testid="forwarding-last-error">
              {status.lastError.message} ({since(status.lastError.at)})
            </dd>
          </>
        )}
        {status.retryAt !== null && status.retryAt > now && (
          <>
            <dt>{t('popup_fwd_retry')}</dt>
            <dd data-testid="forwarding-retry">{since(status.retryAt)}</dd>
          </>
        )}
      </dl>
    </section>
  );
}

/** "5 sec. ago", "in 2 min": the largest unit that keeps the number at least 1. */
function relativeTime(format: Intl.RelativeTimeFormat, deltaMs: number): string {
  const seconds = Math.round(deltaMs / 1000);
  const abs = Math.abs(seconds);
  if (abs < 60) return format.format(seconds, 'second');
  if (abs < 3600) return format.format(Math.round(seconds / 60), 'minute');
  if (abs < 86_400) return format.format(Math.round(seconds / 3600), 'hour');
  return format.format(Math.round(seconds / 86_400), 'day');
}
