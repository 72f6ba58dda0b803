// What was stopped, why, and what to do next: shared by the block and warn pages. Data in, no browser calls.
import type { InterstitialInfo } from '../lib/interstitial/interstitial-info';
import type { WhatNext } from '../lib/interstitial/what-next';
import type { Translate } from '../lib/translate';
import { WhatNextSection } from './what-next';

export type ShownInfo = Extract<InterstitialInfo, { ok: true }>;

export interface InterstitialDetailsProps {
  info: ShownInfo;
  t: Translate;
  region: (code: string) => string;
  next?: WhatNext | undefined;
  onRequestAccess?: (() => void) | undefined;
}

export function InterstitialDetails({ info, t, region, next, onRequestAccess }: InterstitialDetailsProps) {
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
      <WhatNextSection
        next={next ?? nextFromInfo(info)}
        t={t}
        region={region}
        onRequestAccess={onRequestAccess}
      />
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

/** Until the background sends `next` with the page's details: the alternatives it names, unlinked. */
function nextFromInfo(info: ShownInfo): WhatNext {
  return {
    alternatives: info.alternatives.map((s) => ({ ...s, url: null })),
    requestAccess: null,
    contact: null,
  };
}
