// The popup header: which policy is in force, where it came from, and today's counts by kind.
import { eventKinds } from '../lib/log/event-schema';
import { totalOf, type KindCounts } from '../lib/log/day-buckets';
import type { PolicySource } from '../lib/policy/policy-source';
import { kindColors, kindLabel } from './event-kind-style';
import type { Translate } from '../lib/translate';

export interface StatusHeaderProps {
  status: { name: string; version: string; source: PolicySource; problems: string[] } | undefined;
  today: KindCounts | undefined;
  t: Translate;
}

export function StatusHeader({ status, today, t }: StatusHeaderProps) {
  return (
    <header class="status" aria-live="polite">
      <h1 class="status-policy">
        {status ? (
          <>
            <span class="policy-name">{status.name}</span>{' '}
            <span class="policy-version">{t('popup_policyVersion', [status.version])}</span>{' '}
            <span class={`policy-source source-${status.source}`} data-source={status.source}>
              {t(`popup_source_${status.source.replace('-', '_')}`)}
            </span>
          </>
        ) : (
          t('popup_loading')
        )}
      </h1>
      {status?.problems.map((problem) => (
        <p class="status-problem" role="alert" key={problem}>
          {problem}
        </p>
      ))}
      <p class="status-today">
        <span>{t('popup_today', [String(today ? totalOf(today) : 0)])}</span>
        {today &&
          eventKinds
            .filter((kind) => today[kind])
            .map((kind) => (
              <span class="today-count" key={kind} data-kind={kind}>
                <span class="swatch" style={{ background: kindColors[kind] }} aria-hidden="true" />
                {kindLabel(t, kind)}: {today[kind]}
              </span>
            ))}
      </p>
    </header>
  );
}
