// The block page: names what was stopped, why, and what the person can do next.
import type { WhatNext } from '../lib/interstitial/what-next';
import type { Translate } from '../lib/translate';
import { InterstitialDetails, type ShownInfo } from './interstitial-details';

export interface BlockPageProps {
  info: ShownInfo;
  t: Translate;
  region: (code: string) => string;
  next?: WhatNext | undefined;
  onRequestAccess?: (() => void) | undefined;
}

export function BlockPage({ info, t, region, next, onRequestAccess }: BlockPageProps) {
  return (
    <main class="interstitial blocked">
      <h1>{t('blockedTitle')}</h1>
      <p class="lead">{t('blockedIntro', [info.host])}</p>
      {info.action === 'block' ? null : <p class="notice">{t('notEnforced')}</p>}
      <InterstitialDetails info={info} t={t} region={region} next={next} onRequestAccess={onRequestAccess} />
    </main>
  );
}
