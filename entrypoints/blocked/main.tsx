// Block page entry: asks the background what was stopped and renders BlockPage.
import { BlockPage } from '../../components/block-page';
import '../../components/interstitial.css';
import { mountInterstitial } from '../../components/interstitial-shell';
import { fetchInterstitial, isFramed, requestAccess } from '../../lib/pages/interstitial-client';
import { regionName, translate as t, uiLanguage } from '../../lib/pages/i18n';

mountInterstitial(
  document.getElementById('app')!,
  {
    framed: isFramed(),
    load: () => fetchInterstitial('blocked'),
    t,
    language: uiLanguage(),
    title: t('blockedTitle'),
  },
  (info) => (
    <BlockPage
      info={info}
      t={t}
      region={regionName}
      onRequestAccess={() => void requestAccess('blocked', info.accessNonce)}
    />
  ),
);
