import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const dir = 'public/_locales';
const read = (lang: string) =>
  JSON.parse(readFileSync(`${dir}/${lang}/messages.json`, 'utf8')) as Record<string, { message: string }>;

describe('locales', () => {
  it('ships English, German, French and Italian', () => {
    expect(readdirSync(dir).sort()).toEqual(['de', 'en', 'fr', 'it']);
  });

  for (const lang of ['de', 'fr', 'it']) {
    it(`${lang} has exactly the English keys, each with a non-empty message and the same substitutions`, () => {
      const en = read('en');
      const other = read(lang);
      expect(Object.keys(other).sort()).toEqual(Object.keys(en).sort());
      for (const [key, { message }] of Object.entries(en)) {
        expect(other[key]!.message.trim()).not.toBe('');
        expect(other[key]!.message.match(/\$\d/g) ?? []).toEqual(message.match(/\$\d/g) ?? []);
      }
    });
  }
});
