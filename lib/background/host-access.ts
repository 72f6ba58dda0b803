// Watches the extension's host permission: a change is a `health` event (admins see it in the log, the
// popup and their SIEM), and the policy loader installs rules that need no host access while it is gone.
import { hostAccessItem } from '../browser/storage-items';
import { recordEvent } from './record-event';

export const hostAccessLostDetail =
  'Gatehouse lost its access to websites (host permission withdrawn in the browser): the block and warn ' +
  'pages cannot be shown, so blocked and warned AI services are stopped without them, and pasted personal ' +
  'data is not redacted. Grant "Access your data for all websites" again, or deploy with it locked.';
export const hostAccessRestoredDetail =
  'Gatehouse has access to websites again: block and warn pages are back.';

/**
 * Whether the extension may act on every site now; records a `health` event when that changed since the
 * last look (and at the first look only when access is missing, so a normal install records nothing).
 */
export async function checkHostAccess(hasHostAccess: () => Promise<boolean>): Promise<boolean> {
  const granted = await hasHostAccess().catch(() => false);
  const known = await hostAccessItem.read();
  if (known !== granted && !(known === null && granted)) {
    await recordEvent({
      kind: 'health',
      check: 'host_access',
      ok: granted,
      detail: granted ? hostAccessRestoredDetail : hostAccessLostDetail,
    });
  }
  if (known !== granted) await hostAccessItem.write(granted);
  return granted;
}
