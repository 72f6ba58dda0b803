import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { pluralMessage, type Translate } from '../../lib/translate';

/** Like the popup's translator: missing messages come back as their key. */
function translator(locale: string): Translate {
  const messages = JSON.parse(readFileSync(`public/_locales/${locale}/messages.json`, 'utf8')) as Record<
    string,
    { message: string }
  >;
  return (key, subs = []) =>
    messages[key]?.message.replace(/\$(\d)/g, (_, i: string) => subs[Number(i) - 1]!) ?? key;
}

describe('pluralMessage', () => {
  it.each([
    ['en', 1, '1 event'],
    ['en', 7, '7 events'],
    ['pl', 1, '1 zdarzenie'],
    ['pl', 3, '3 zdarzenia'],
    ['pl', 7, '7 zdarzeń'],
    ['pl', 23, '23 zdarzenia'],
    ['ja', 1, '1 件'],
    // French has a "many" form for millions that the locale does not spell out: "other" stands in.
    ['fr', 1_000_000, '1000000 événements'],
  ])('%s %i → %s', (locale, count, expected) => {
    expect(pluralMessage(translator(locale), 'popup_fwd_event', count, locale, [String(count)])).toBe(
      expected,
    );
  });
});
