// The block page: names what was stopped, why, and what to use instead.
import type { Translate } from '../lib/translate';
import { InterstitialDetails, type ShownInfo } from './interstitial-details';

export function BlockPage({
  info,
  t,
  region,
}: {
  info: ShownInfo;
  t: Translate;
  region: (code: string) => string;
}) {
  return (
    <main class="interstitial blocked">
      <h1>{t('blockedTitle')}</h1>
      <p class="lead">{t('blockedIntro', [info.host])}</p>
      {info.action === 'block' ? null : <p class="notice">{t('notEnforced')}</p>}
      <InterstitialDetails info={info} t={t} region={region} />
    </main>
  );
}
