// Block page entry: asks the background what was stopped and renders BlockPage.
import { render } from 'preact';
import { BlockPage } from '../../components/block-page';
import { StatusMessage } from '../../components/status-message';
import '../../components/interstitial.css';
import { regionName, translate as t, uiLanguage } from '../../lib/browser/i18n';
import { fetchInterstitial, isFramed } from '../../lib/browser/interstitial-client';

const root = document.getElementById('app')!;
document.documentElement.lang = uiLanguage();
document.title = t('blockedTitle');

if (isFramed()) {
  render(<StatusMessage text={t('framedNotice')} />, root);
} else {
  void fetchInterstitial('blocked').then((info) =>
    render(
      info.ok ? (
        <BlockPage info={info} t={t} region={regionName} />
      ) : (
        <StatusMessage text={t('errorTitle')} />
      ),
      root,
    ),
  );
}
