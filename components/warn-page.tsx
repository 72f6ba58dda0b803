// The warn page: the same details, plus Continue (with a justification when the rule asks) and Go back.
import { useState } from 'preact/hooks';
import type { Translate } from '../lib/translate';
import { InterstitialDetails, type ShownInfo } from './interstitial-details';

export interface WarnPageProps {
  info: ShownInfo;
  t: Translate;
  region: (code: string) => string;
  /** Called only for a trusted (real user) click; resolves to an error message, or null on success. */
  onContinue: (justification: string) => Promise<string | null>;
  onGoBack: () => void;
  onRequestAccess?: (() => void) | undefined;
}

export function WarnPage({ info, t, region, onContinue, onGoBack, onRequestAccess }: WarnPageProps) {
  const [justification, setJustification] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const canContinue = info.action === 'warn' && info.nonce !== null;

  const submit = async (event: MouseEvent) => {
    event.preventDefault();
    // Synthetic clicks (a script calling click()) are not a user's decision.
    if (!event.isTrusted || busy) return;
    if (info.requireJustification && !justification.trim()) {
      setError(t('justificationRequired'));
      return;
    }
    setBusy(true);
    const failure = await onContinue(justification);
    setBusy(false);
    if (failure) setError(t('continueFailed', [failure]));
  };

  return (
    <main class="interstitial warn">
      <h1>{t('warnTitle')}</h1>
      <p class="lead">{t('warnIntro', [info.host])}</p>
      {canContinue ? null : <p class="notice">{t('notEnforced')}</p>}
      <InterstitialDetails info={info} t={t} region={region} onRequestAccess={onRequestAccess} />
      {canContinue ? (
        <form class="actions" onSubmit={(e) => e.preventDefault()}>
          {info.requireJustification ? (
            <div class="field">
              <label for="justification">{t('justificationLabel')}</label>
              <textarea
                id="justification"
                required
                maxLength={2000}
                rows={3}
                aria-describedby={error ? 'warn-error' : undefined}
                value={justification}
                onInput={(e) => setJustification((e.target as HTMLTextAreaElement).value)}
              />
            </div>
          ) : null}
          <p class="note">{t('bypassNote', [String(info.bypassMinutes)])}</p>
          {error ? (
            <p id="warn-error" class="error" role="alert">
              {error}
            </p>
          ) : null}
          <div class="buttons">
            <button type="button" class="primary" autoFocus onClick={onGoBack}>
              {t('goBackButton')}
            </button>
            <button type="button" class="secondary" disabled={busy} onClick={(e) => void submit(e)}>
              {t('continueButton')}
            </button>
          </div>
        </form>
      ) : null}
    </main>
  );
}
