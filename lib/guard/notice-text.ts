// The sentences of the paste notice, pluralised per locale from counts ("2 email addresses and 1 card number").
import { piiTypes, type PiiType } from '../redact/settings';
import type { PiiCounts } from './check-input';
import type { GuardBlockReason } from './block-reasons';
import type { Translate } from '../translate';

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

/** Shown after a redacted paste: "Gatehouse replaced 2 email addresses and 1 card number". */
export function redactedNotice(counts: PiiCounts, t: Translate, locale: string): string {
  return fill(t('paste_notice_redacted'), { list: describeCounts(counts, t, locale) });
}

/** Shown when a paste was blocked; the organisation's own message, if any, follows it. */
export function blockedNotice(
  reason: GuardBlockReason,
  counts: PiiCounts,
  t: Translate,
  locale: string,
): string {
  switch (reason) {
    case 'personal-data':
      return fill(t('paste_notice_blocked'), { list: describeCounts(counts, t, locale) });
    case 'files':
      return t('paste_notice_files_blocked');
    case 'too-large':
      return t('paste_notice_too_large');
    case 'cancelled':
      return t('paste_notice_cancelled');
    case 'error':
      return t('paste_notice_error');
  }
}

/** Title line of the warn dialog: "This paste contains 1 email address". */
export function warnTitle(counts: PiiCounts, t: Translate, locale: string): string {
  return fill(t('paste_warn_title'), { list: describeCounts(counts, t, locale) });
}

function typeName(type: PiiType, category: Intl.LDMLPluralRule, t: Translate): string {
  return t(`paste_type_${type}_${category}`) || t(`paste_type_${type}_other`) || `{count} ${type}`;
}

function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);
}
