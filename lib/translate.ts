// How every context gets localised text: browser.i18n.getMessage in the extension, a messages.json
// reader in tests. One type for components, pages, the input guard and its notices.
export type Translate = (key: string, substitutions?: string[]) => string;

/**
 * `<base>_<plural form>` for the count in the locale ("_one", "_few", "_many"…), falling back to
 * `<base>_other` when a locale has no message for that form (French "many" for millions, say).
 */
export function pluralMessage(
  t: Translate,
  base: string,
  count: number,
  locale: string,
  substitutions: string[],
): string {
  const key = `${base}_${new Intl.PluralRules(locale).select(count)}`;
  const text = t(key, substitutions);
  return text && text !== key ? text : t(`${base}_other`, substitutions);
}
