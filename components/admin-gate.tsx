// Asks for the admin passphrase before the log is shown. A UI gate, not encryption: the data is on this machine.
import { useState } from 'preact/hooks';
import type { Translate } from '../lib/translate';

export interface AdminGateProps {
  onUnlock: (passphrase: string) => Promise<boolean>;
  t: Translate;
}

export function AdminGate({ onUnlock, t }: AdminGateProps) {
  const [passphrase, setPassphrase] = useState('');
  const [state, setState] = useState<'idle' | 'checking' | 'wrong'>('idle');
  return (
    <form
      class="admin-gate"
      onSubmit={async (e) => {
        e.preventDefault();
        setState('checking');
        const ok = await onUnlock(passphrase);
        if (!ok) setState('wrong');
      }}
    >
      <p>{t('popup_gateExplain')}</p>
      <label>
        {t('popup_gatePassphrase')}
        <input
          type="password"
          name="passphrase"
          autoComplete="off"
          value={passphrase}
          onInput={(e) => setPassphrase(e.currentTarget.value)}
        />
      </label>
      <button type="submit" disabled={state === 'checking'}>
        {t('popup_gateUnlock')}
      </button>
      {state === 'wrong' && (
        <p role="alert" class="gate-error">
          {t('popup_gateWrong')}
        </p>
      )}
    </form>
  );
}
