// The built-in default's static ruleset (Chromium's manifest): on while the default is the policy in force,
// off once another policy's dynamic rules are installed. Switched in the order that leaves no moment
// without rules: on before the dynamic rules change, off only after the new ones are in.
import type { DnrApi } from '../browser/dnr-api';
import { defaultPolicyRuleset } from '../policy/dnr-rule';

/** Whether the static default should be on while `source`'s policy is in force. */
export function staticDefaultWanted(source: 'managed' | 'last-valid' | 'default'): boolean {
  return source === 'default';
}

/**
 * Turns the static default on or off; does nothing where the build has none (Firefox) or it already is.
 * Returns what went wrong, in words, or null: a failure changes no dynamic rule, so the caller logs it and
 * goes on (the dynamic rules rank above every static one, so they decide either way).
 */
export async function switchStaticDefault(dnr: DnrApi, on: boolean): Promise<string | null> {
  if (!dnr.getEnabledRulesets || !dnr.updateEnabledRulesets) return null;
  const id = defaultPolicyRuleset.id;
  try {
    const enabled = (await dnr.getEnabledRulesets()).includes(id);
    if (enabled === on) return null;
    await dnr.updateEnabledRulesets(on ? { enableRulesetIds: [id] } : { disableRulesetIds: [id] });
    return null;
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    return on
      ? `the built-in default's static rules could not be switched on (${why}); its dynamic rules decide`
      : `the built-in default's static rules could not be switched off (${why}); they stay beneath the policy's rules, which decide every address`;
  }
}
