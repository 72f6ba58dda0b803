// What was stopped, why, and what to do next: shared by the block and warn pages. Data in, no browser calls.
import type { InterstitialInfo } from '../lib/interstitial/interstitial-info';
import type { Translate } from '../lib/translate';
import { WhatNextSection } from './what-next';

export type ShownInfo = Extract<InterstitialInfo, { ok: true }>;

export interface InterstitialDetailsProps {
  info: ShownInfo;
  t: Translate;
  region: (code: string) => string;
  /** A real person's click on Request access (the background logs it). */
  onRequestAccess?: (() => void) | undefined;
}

export function InterstitialDetails({ info, t, region, onRequestAccess }: InterstitialDetailsProps) {
  const rows: [string, string][] = [
    [t('hostLabel'), info.host],
    [t('serviceLabel'), info.service?.name ?? t('notAService')],
  ];
  if (info.service) {
    rows.push([t('operatorLabel'), info.service.operator]);
    rows.push([t('jurisdictionLabel'), region(info.service.jurisdiction)]);
  }
  rows.push([t('ruleLabel'), `${info.rule ?? '—'} (${info.policyName})`]);
  return (
    <>
      {info.message ? (
        <section class="message" aria-labelledby="message-title">
          <h2 id="message-title">{t('messageLabel')}</h2>
          <p>{info.message}</p>
        </section>
      ) : null}
      <WhatNextSection next={info.next} t={t} region={region} onRequestAccess={onRequestAccess} />
      <h2 class="visually-hidden">{t('detailsTitle')}</h2>
      <dl class="details">
        {rows.map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </>
  );
}
