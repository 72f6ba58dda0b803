// Every locale has every English message, non-empty, with the same placeholders, plus exactly the plural
// forms its language needs (Polish "few" and "many"); and every message the pages name exists.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const dir = 'public/_locales';
const read = (lang: string) =>
  JSON.parse(readFileSync(`${dir}/${lang}/messages.json`, 'utf8')) as Record<string, { message: string }>;
const locales = readdirSync(dir).sort();
const others = locales.filter((l) => l !== 'en');
const en = read('en');

/** `$1`, `$NAME$` (Chrome) and `{count}` (filled in by the paste notice), sorted. */
const placeholders = (message: string) => (message.match(/\$\d+|\$[A-Za-z_]+\$|\{\w+\}/g) ?? []).sort();
/** The plural forms a count can take in the language (Intl.PluralRules over 0…1000). */
const pluralForms = (lang: string) => {
  const rules = new Intl.PluralRules(lang.replace('_', '-'));
  return new Set(Array.from({ length: 1001 }, (_, n) => rules.select(n)));
};
/** Messages chosen by count: the bases that English has as `_one` and `_other`. */
const pluralBases = Object.keys(en)
  .filter((k) => k.endsWith('_one') && `${k.slice(0, -4)}_other` in en)
  .map((k) => k.slice(0, -4));

describe('locales', () => {
  it('ships English, German, French, Italian, Spanish, Dutch, Polish, Brazilian Portuguese, Japanese, Korean and Traditional Chinese', () => {
    expect(locales).toEqual(['de', 'en', 'es', 'fr', 'it', 'ja', 'ko', 'nl', 'pl', 'pt_BR', 'zh_TW']);
  });

  it.each(others)('%s has every English message, non-empty, with the same placeholders', (lang) => {
    const messages = read(lang);
    for (const [key, { message }] of Object.entries(en)) {
      expect(messages[key]?.message.trim(), `${lang}: ${key}`).toMatch(/\S/);
      expect(placeholders(messages[key]!.message), `${lang}: ${key}`).toEqual(placeholders(message));
    }
  });

  it.each(locales)('%s has each plural form its language needs, and no other extra message', (lang) => {
    const messages = read(lang);
    const forms = [...pluralForms(lang)].filter((f) => f !== 'one' && f !== 'other');
    const expectedExtra = pluralBases.flatMap((base) => forms.map((form) => `${base}_${form}`)).sort();
    expect(
      Object.keys(messages)
        .filter((k) => !(k in en))
        .sort(),
    ).toEqual(expectedExtra);
    for (const key of expectedExtra) {
      const base = key.slice(0, key.lastIndexOf('_'));
      expect(placeholders(messages[key]!.message), `${lang}: ${key}`).toEqual(
        placeholders(en[`${base}_other`]!.message),
      );
    }
  });

  it('Polish needs "few" and "many" forms; Japanese, Korean and Chinese none', () => {
    expect([...pluralForms('pl')].sort()).toEqual(['few', 'many', 'one']);
    expect([...pluralForms('ja')]).toEqual(['other']);
  });

  it('every message a page, the popup or a component names by a literal key exists in English', () => {
    const files = ['components', 'entrypoints', 'lib']
      .flatMap((root) =>
        readdirSync(root, { recursive: true, encoding: 'utf8' }).map((f) => path.join(root, f)),
      )
      .filter((f) => /\.tsx?$/.test(f));
    const used = new Set<string>();
    for (const file of files)
      for (const [, key] of readFileSync(file, 'utf8').matchAll(/\bt\('([A-Za-z0-9_]+)'/g)) used.add(key!);
    expect(used.size).toBeGreaterThan(40);
    expect([...used].filter((key) => !(key in en))).toEqual([]);
  });
});
