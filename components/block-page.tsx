// The block page: names what was stopped, why, and what the person can do next.
import type { Translate } from '../lib/translate';
import { InterstitialDetails, type ShownInfo } from './interstitial-details';

export interface BlockPageProps {
  info: ShownInfo;
  t: Translate;
  region: (code: string) => string;
  onRequestAccess?: (() => void) | undefined;
}

export function BlockPage({ info, t, region, onRequestAccess }: BlockPageProps) {
  return (
    <main class="interstitial blocked">
      <h1>{t('blockedTitle')}</h1>
      <p class="lead">{t('blockedIntro', [info.host])}</p>
      {info.action === 'block' ? null : <p class="notice">{t('notEnforced')}</p>}
      <InterstitialDetails info={info} t={t} region={region} onRequestAccess={onRequestAccess} />
    </main>
  );
}
