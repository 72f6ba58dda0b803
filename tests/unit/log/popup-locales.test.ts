// Convention: every key the popup uses, literal or built from a kind, range, action or category, is defined in
// every locale (tests/unit/locales.test.ts keeps the locales complete and their placeholders matching).
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { categories, confidenceLevels } from '../../../lib/catalog/catalog-schema';
import { timeRanges } from '../../../lib/log/day-buckets';
import { eventKinds } from '../../../lib/log/event-schema';
import { policySources } from '../../../lib/policy/policy-source';
import { serviceOrigins } from '../../../lib/policy/policy-view';
import { actions } from '../../../lib/policy/policy-schema';

const locales = ['en', ...readdirSync('public/_locales').filter((l) => l !== 'en')];
const messages = (locale: string) =>
  JSON.parse(readFileSync(`public/_locales/${locale}/messages.json`, 'utf8')) as Record<
    string,
    { message: string }
  >;

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
  // The policy view names decisions, where a row comes from, and the facts behind a rule.
  for (const action of [...actions, 'none']) used.add(`popup_action_${action}`);
  for (const origin of serviceOrigins.filter((o) => o !== 'catalog'))
    used.add(`popup_origin_${origin.replace('-', '_')}`);
  for (const category of categories) used.add(`popup_category_${category.replace('-', '_')}`);
  for (const level of confidenceLevels) used.add(`popup_confidence_${level}`);
  return [...used].sort();
}

describe('popup locales', () => {
  it.each(locales)('%s defines every key the popup uses, each non-empty', (locale) => {
    const defined = messages(locale);
    for (const key of keysUsedInCode()) expect(defined[key]?.message, `${locale}: ${key}`).toMatch(/\S/);
  });
});
