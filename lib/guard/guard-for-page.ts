// Whether the input guard applies to a page, and with which settings: one rule for background and tests.
import type { CompiledPolicy } from '../policy/compile-policy';
import { decideCompiled } from '../policy/decide';
import type { PasteGuardSettings, SendGuardSettings, UploadGuardSettings } from '../policy/guard-settings';
import type { RedactionSettings } from '../redact/settings';

export type PageGuard =
  | { guarded: false }
  | {
      guarded: true;
      service: string | null;
      rule: string | null;
      paste: PasteGuardSettings;
      send: SendGuardSettings;
      uploads: UploadGuardSettings;
      redaction: RedactionSettings;
    };

export type GuardedPage = Extract<PageGuard, { guarded: true }>;

/**
 * Guarded: an AI service (or a host a rule names) whose decision lets the user in, i.e. `allow`, or
 * `warn` (after Continue the user works there), unless its settings for every channel change nothing.
 * Blocked services need no guard: the user never reaches them.
 */
export function guardForPage(url: string, compiled: CompiledPolicy): PageGuard {
  const decision = decideCompiled(url, compiled);
  if (decision.action !== 'allow' && decision.action !== 'warn') return { guarded: false };
  const { policy } = compiled;
  const paste = decision.options?.paste ?? policy.paste;
  const send = decision.options?.send ?? policy.send;
  const uploads = decision.options?.uploads ?? policy.uploads;
  const guard = {
    guarded: true as const,
    service: decision.service?.id ?? null,
    rule: decision.rule,
    paste,
    send,
    uploads,
    redaction: policy.redaction,
  };
  if (paste.mode === 'off' && send.mode === 'off' && !filesChecked(guard)) return { guarded: false };
  return guard;
}

/** Whether files reaching this page need checking at all (otherwise they pass unread). */
export function filesChecked(guard: Pick<GuardedPage, 'paste' | 'uploads'>): boolean {
  return (
    guard.paste.files === 'block' || guard.uploads.mode !== 'allow' || guard.uploads.blockTypes.length > 0
  );
}
