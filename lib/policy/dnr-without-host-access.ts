// Rules for a browser where Gatehouse has lost its host permission: a redirect needs host access to the
// request's URL (without it Firefox lets the request through: measured in ESR 140), a block does not.
// So the interstitial redirects become plain blocks: the warn and block pages are lost, the protection
// is not (a warning becomes a block: without its page nobody can Continue, and the stricter action wins).
import type { DnrRule } from './dnr-rule';

export function blockWithoutInterstitials(rules: DnrRule[]): DnrRule[] {
  return rules.map((rule) =>
    rule.action.type === 'redirect' ? { ...rule, action: { type: 'block' } } : rule,
  );
}
