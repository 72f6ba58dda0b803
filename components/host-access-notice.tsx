// Shown to everyone in the popup while Gatehouse has no access to websites (lib/background/host-access.ts).
import type { Translate } from '../lib/translate';

export interface HostAccessNoticeProps {
  /** null while not known yet. */
  granted: boolean | null;
  t: Translate;
}

export function HostAccessNotice({ granted, t }: HostAccessNoticeProps) {
  if (granted !== false) return null;
  return (
    <p class="status-problem" role="alert" data-testid="host-access-missing">
      {t('popup_hostAccessMissing')}
    </p>
  );
}
