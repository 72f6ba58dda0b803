// Convention: every popup string exists in every locale, and every key the popup uses is defined.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { eventKinds, policySources } from '../../../lib/log/event-schema';
import { timeRanges } from '../../../lib/log/day-buckets';

const locales = ['en', 'de', 'fr', 'it'];
const messages = (locale: string) =>
  JSON.parse(readFileSync(`public/_locales/${locale}/messages.json`, 'utf8')) as Record<
    string,
    { message: string }
  >;
const popupKeys = (locale: string) =>
  Object.keys(messages(locale))
    .filter((k) => k.startsWith('popup_'))
    .sort();

function keysUsedInCode(): string[] {
  const files = ['components', 'entrypoints/popup'].flatMap((dir) =>
    readdirSync(dir).map((f) => path.join(dir, f)),
  );
  const used = new Set<string>();
  for (const file of files.filter((f) => /\.tsx?$/.test(f)))
    for (const [key] of readFileSync(file, 'utf8').matchAll(/popup_[A-Za-z0-9]+(?=['`])/g)) used.add(key);
  for (const kind of eventKinds) used.add(`popup_kind_${kind}`);
  for (const source of policySources) used.add(`popup_source_${source.replace('-', '_')}`);
  for (const range of timeRanges) used.add(`popup_range_${range}`);
  return [...used].sort();
}

describe('popup locales', () => {
  it.each(locales.slice(1))('%s has exactly the English popup keys', (locale) => {
    expect(popupKeys(locale)).toEqual(popupKeys('en'));
  });

  it.each(locales)('%s defines every key the popup uses, each non-empty', (locale) => {
    const defined = messages(locale);
    for (const key of keysUsedInCode()) expect(defined[key]?.message, `${locale}: ${key}`).toMatch(/\S/);
  });

  it.each(locales)('%s keeps the placeholders of English', (locale) => {
    const en = messages('en');
    const local = messages(locale);
    for (const key of popupKeys('en'))
      expect(local[key]!.message.match(/\$\d/g)?.sort(), `${locale}: ${key}`).toEqual(
        en[key]!.message.match(/\$\d/g)?.sort(),
      );
  });
});
