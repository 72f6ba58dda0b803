// Warn page entry: asks the background for the details and a nonce, renders WarnPage.
import { render } from 'preact';
import { StatusMessage } from '../../components/status-message';
import { WarnPage } from '../../components/warn-page';
import '../../components/interstitial.css';
import { regionName, translate as t, uiLanguage } from '../../lib/browser/i18n';
import {
  fetchInterstitial,
  isFramed,
  requestContinue,
  requestGoBack,
} from '../../lib/browser/interstitial-client';

const root = document.getElementById('app')!;
document.documentElement.lang = uiLanguage();
document.title = t('warnTitle');

if (isFramed()) {
  render(<StatusMessage text={t('framedNotice')} />, root);
} else {
  void fetchInterstitial('warn').then((info) =>
    render(
      info.ok ? (
        <WarnPage
          info={info}
          t={t}
          region={regionName}
          onContinue={(justification) => requestContinue(info.nonce ?? '', justification)}
          onGoBack={() => void requestGoBack(info.nonce)}
        />
      ) : (
        <StatusMessage text={t('errorTitle')} />
      ),
      root,
    ),
  );
}
