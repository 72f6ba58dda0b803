// What the person can do next, on the block and warn pages: approved alternatives (linked), a request for
// access, and who to ask. Data from the background (lib/interstitial/what-next.ts); no browser calls.
import type { WhatNext } from '../lib/interstitial/what-next';
import type { Translate } from '../lib/translate';

export interface WhatNextProps {
  next: WhatNext;
  t: Translate;
  region: (code: string) => string;
  /** Called on a real user's click on Request access, before the link opens (the background logs it). */
  onRequestAccess?: () => void;
}

export function WhatNextSection({ next, t, region, onRequestAccess }: WhatNextProps) {
  const asking = next.requestAccess !== null || next.contact !== null;
  // A form opens in a new tab, so the block page (and the reason on it) stays; an e-mail opens the mail app.
  const newTab = next.requestAccess?.toLowerCase().startsWith('https:') ?? false;
  return (
    <>
      <section aria-labelledby="alternatives-title">
        <h2 id="alternatives-title">{t('alternativesTitle')}</h2>
        {next.alternatives.length ? (
          <ul class="alternatives">
            {next.alternatives.map((s) => (
              <li key={s.id}>
                {s.url ? <a href={s.url}>{s.name}</a> : <strong>{s.name}</strong>}
                {` — ${s.operator} (${region(s.jurisdiction)})`}
              </li>
            ))}
          </ul>
        ) : (
          <p>{asking ? t('noAlternativesListed') : t('noAlternatives')}</p>
        )}
      </section>
      {asking ? (
        <section aria-labelledby="request-title" class="request-access">
          <h2 id="request-title">{t('requestAccessTitle')}</h2>
          {next.requestAccess ? (
            <p>
              <a
                class="button primary"
                href={next.requestAccess}
                {...(newTab ? { target: '_blank', rel: 'noopener noreferrer' } : {})}
                onClick={(event) => {
                  // A script's synthetic click is not a request from the person.
                  if (event.isTrusted) onRequestAccess?.();
                }}
              >
                {t('requestAccessButton')}
                {newTab ? <span class="visually-hidden"> {t('opensInNewTab')}</span> : null}
              </a>
            </p>
          ) : null}
          {next.contact ? (
            <p class="contact">
              <strong>{t('contactLabel')}</strong> {next.contact}
            </p>
          ) : null}
        </section>
      ) : null}
    </>
  );
}
