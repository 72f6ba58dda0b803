// What the block and warn pages share: refuse to work in a frame, ask the background, then render the page
// (or an error). Takes the client and translator as parameters: no browser calls here.
import { render, type ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { InterstitialInfo } from '../lib/interstitial/interstitial-info';
import type { Translate } from '../lib/translate';
import type { ShownInfo } from './interstitial-details';
import { StatusMessage } from './status-message';

export interface InterstitialShellProps {
  /** Inside a frame the page shows only a notice: nobody can wrap Continue in a clickjacking page. */
  framed: boolean;
  load: () => Promise<InterstitialInfo>;
  t: Translate;
  children: (info: ShownInfo) => ComponentChildren;
}

export function InterstitialShell({ framed, load, t, children }: InterstitialShellProps) {
  const [info, setInfo] = useState<InterstitialInfo | null>(null);
  useEffect(() => {
    if (!framed) void load().then(setInfo);
  }, []);
  if (framed) return <StatusMessage text={t('framedNotice')} />;
  if (!info) return null;
  return info.ok ? <>{children(info)}</> : <StatusMessage text={t('errorTitle')} />;
}

/** Sets the document's language and title and renders the shell into `root`. */
export function mountInterstitial(
  root: HTMLElement,
  options: Omit<InterstitialShellProps, 'children'> & { language: string; title: string },
  page: InterstitialShellProps['children'],
): void {
  document.documentElement.lang = options.language;
  document.title = options.title;
  render(
    <InterstitialShell framed={options.framed} load={options.load} t={options.t}>
      {page}
    </InterstitialShell>,
    root,
  );
}
