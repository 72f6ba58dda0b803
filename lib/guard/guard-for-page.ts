// Whether the paste guard applies to a page, and with which settings: one rule for background and tests.
import type { CompiledPolicy } from '../policy/compile-policy';
import { decideCompiled } from '../policy/decide';
import type { PasteGuardSettings } from '../policy/policy-schema';
import type { RedactionSettings } from '../redact/settings';

export type PageGuard =
  | { guarded: false }
  | {
      guarded: true;
      service: string | null;
      rule: string | null;
      paste: PasteGuardSettings;
      redaction: RedactionSettings;
    };

/**
 * Guarded: an AI service (or a host a rule names) whose decision lets the user in, i.e. `allow`, or
 * `warn` (after Continue the user works there), unless its paste settings change nothing.
 * Blocked services need no guard: the user never reaches them.
 */
export function guardForPage(url: string, compiled: CompiledPolicy): PageGuard {
  const decision = decideCompiled(url, compiled);
  if (decision.action !== 'allow' && decision.action !== 'warn') return { guarded: false };
  const paste = decision.options?.paste ?? compiled.policy.paste;
  if (paste.mode === 'off' && paste.files === 'allow') return { guarded: false };
  return {
    guarded: true,
    service: decision.service?.id ?? null,
    rule: decision.rule,
    paste,
    redaction: compiled.policy.redaction,
  };
}
