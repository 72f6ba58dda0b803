// Warn page entry: asks the background for the details and a nonce, renders WarnPage.
import '../../components/interstitial.css';
import { mountInterstitial } from '../../components/interstitial-shell';
import { WarnPage } from '../../components/warn-page';
import {
  fetchInterstitial,
  isFramed,
  requestAccess,
  requestContinue,
  requestGoBack,
} from '../../lib/pages/interstitial-client';
import { regionName, translate as t, uiLanguage } from '../../lib/pages/i18n';

mountInterstitial(
  document.getElementById('app')!,
  {
    framed: isFramed(),
    load: () => fetchInterstitial('warn'),
    t,
    language: uiLanguage(),
    title: t('warnTitle'),
  },
  (info) => (
    <WarnPage
      info={info}
      t={t}
      region={regionName}
      onContinue={(justification) => requestContinue(info.nonce ?? '', justification)}
      onGoBack={() => void requestGoBack(info.nonce)}
      onRequestAccess={() => void requestAccess('warn', info.accessNonce)}
    />
  ),
);
