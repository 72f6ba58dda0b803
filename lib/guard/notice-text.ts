// The sentences of the input guard's notices and dialogs, per channel, pluralised per locale from counts
// ("2 email addresses and 1 card number").
import type { GuardTrigger } from '../log/guard-trigger';
import { piiTypes, type PiiType } from '../redact/settings';
import type { GuardBlockReason } from './block-reasons';
import type { FileDropReason, PiiCounts } from './file-verdict';
import type { Translate } from '../translate';

/** Pastes, drops and the page's own clipboard reads are all "pastes" to the user. */
type Wording = 'paste' | 'send' | 'upload';
export function wordingFor(trigger: GuardTrigger): Wording {
  return trigger === 'send' || trigger === 'upload' ? trigger : 'paste';
}

/** "2 email addresses and 1 card number", in piiTypes order. */
export function describeCounts(counts: PiiCounts, t: Translate, locale: string): string {
  const plural = new Intl.PluralRules(locale);
  const items: string[] = [];
  for (const type of piiTypes) {
    const n = counts[type];
    if (!n) continue;
    items.push(fill(typeName(type, plural.select(n), t), { count: new Intl.NumberFormat(locale).format(n) }));
  }
  return new Intl.ListFormat(locale, { style: 'long', type: 'conjunction' }).format(items);
}

/** "1 file", "3 files". */
export function describeFiles(files: number, t: Translate, locale: string): string {
  const category = new Intl.PluralRules(locale).select(files);
  const template = t(`upload_files_${category}`) || t('upload_files_other');
  return fill(template, { count: new Intl.NumberFormat(locale).format(files) });
}

/** After a redaction: "Gatehouse replaced 2 email addresses and 1 card number" (paste), or per channel. */
export function redactedNotice(
  counts: PiiCounts,
  t: Translate,
  locale: string,
  trigger: GuardTrigger = 'paste',
): string {
  const key = wordingFor(trigger) === 'send' ? 'send_notice_redacted' : 'paste_notice_redacted';
  return fill(t(key), { list: describeCounts(counts, t, locale) });
}

/** When an input was refused; the organisation's own message, if any, follows it. */
export function blockedNotice(
  reason: GuardBlockReason,
  counts: PiiCounts,
  t: Translate,
  locale: string,
  trigger: GuardTrigger = 'paste',
): string {
  const prefix = wordingFor(trigger) === 'send' ? 'send' : 'paste';
  const list = describeCounts(counts, t, locale);
  switch (reason) {
    case 'personal-data':
      return fill(t(`${prefix}_notice_blocked`), { list });
    case 'files':
      return t('paste_notice_files_blocked');
    case 'file-type':
    case 'unscannable':
      return filesRefusedNotice(reason, 1, counts, t, locale, trigger);
    case 'too-large':
      return t(`${prefix}_notice_too_large`);
    case 'cancelled':
      return t('paste_notice_cancelled');
    case 'error':
      return t(`${wordingFor(trigger)}_notice_error`);
  }
}

/** "Gatehouse handed over a redacted copy of 1 file: it replaced 2 email addresses." */
export function filesRedactedNotice(files: number, counts: PiiCounts, t: Translate, locale: string): string {
  return fill(t('upload_notice_redacted'), {
    files: describeFiles(files, t, locale),
    list: describeCounts(counts, t, locale),
  });
}

/** "Gatehouse did not upload 2 files: it cannot check them for personal data." */
export function filesRefusedNotice(
  reason: FileDropReason,
  files: number,
  counts: PiiCounts,
  t: Translate,
  locale: string,
  trigger: GuardTrigger = 'upload',
): string {
  // A paste of files where the policy keeps files out keeps its long-standing sentence.
  if (reason === 'files' && wordingFor(trigger) === 'paste') return t('paste_notice_files_blocked');
  return fill(t(`upload_notice_${reason.replace('-', '_')}`), {
    files: describeFiles(files, t, locale),
    list: describeCounts(counts, t, locale),
  });
}

/** Title line of the warn dialog: "This paste contains 1 email address" (or message, or files). */
export function warnTitle(
  counts: PiiCounts,
  t: Translate,
  locale: string,
  trigger: GuardTrigger = 'paste',
  files = 0,
): string {
  const wording = wordingFor(trigger);
  if (wording === 'upload' || (files > 0 && Object.keys(counts).length === 0))
    return fill(t('upload_warn_title'), {
      files: describeFiles(Math.max(files, 1), t, locale),
      list: describeCounts(counts, t, locale),
    });
  return fill(t(`${wording}_warn_title`), { list: describeCounts(counts, t, locale) });
}

/** The dialog's wording for a channel: body, buttons, justification label. */
export function dialogWords(trigger: GuardTrigger, filesOnly: boolean, t: Translate) {
  const wording = filesOnly ? 'upload' : wordingFor(trigger);
  return {
    body: t(`${wording}_warn_body`),
    redacted: t(`${wording}_button_redacted`),
    cancel: wording === 'send' ? t('send_button_edit') : t('paste_button_cancel'),
    original: t(`${wording}_button_original`),
    justification: t(`${wording}_justification_label`),
  };
}

function typeName(type: PiiType, category: Intl.LDMLPluralRule, t: Translate): string {
  return t(`paste_type_${type}_${category}`) || t(`paste_type_${type}_other`) || `{count} ${type}`;
}

function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);
}
