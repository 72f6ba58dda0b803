import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { blockedNotice, describeCounts, redactedNotice } from '../../../lib/guard/notice-text';
import type { Translate } from '../../../lib/translate';
import { piiTypes } from '../../../lib/redact/settings';

const locales = readdirSync('public/_locales');
/** The folder name as the BCP 47 tag Intl takes ("pt_BR" → "pt-BR"). */
const tag = (locale: string) => locale.replace('_', '-');

function messages(locale: string): Record<string, { message: string }> {
  return JSON.parse(readFileSync(`public/_locales/${locale}/messages.json`, 'utf8')) as Record<
    string,
    { message: string }
  >;
}
function translator(locale: string): Translate {
  const m = messages(locale);
  return (key) => m[key]?.message ?? '';
}

describe('paste notice text', () => {
  it.each<[string, Record<string, number>, string]>([
    ['en', { EMAIL: 2, CREDIT_CARD: 1 }, 'Gatehouse replaced 2 email addresses and 1 card number'],
    ['en', { EMAIL: 1 }, 'Gatehouse replaced 1 email address'],
    [
      'en',
      { PHONE: 3, IBAN: 1, API_KEY: 2 },
      'Gatehouse replaced 3 phone numbers, 1 IBAN, and 2 secret keys',
    ],
    ['de', { EMAIL: 2, CREDIT_CARD: 1 }, 'Gatehouse hat 2 E-Mail-Adressen und 1 Kartennummer ersetzt'],
    ['fr', { EMAIL: 2, CREDIT_CARD: 1 }, 'Gatehouse a remplacé 2 adresses e-mail et 1 numéro de carte'],
    ['it', { EMAIL: 1, CREDIT_CARD: 2 }, 'Gatehouse ha sostituito 1 indirizzo email e 2 numeri di carta'],
    [
      'es',
      { EMAIL: 2, CREDIT_CARD: 1 },
      'Gatehouse ha sustituido 2 direcciones de correo electrónico y 1 número de tarjeta',
    ],
    ['nl', { EMAIL: 1, IBAN: 3 }, "Gatehouse heeft 1 e-mailadres en 3 IBAN's vervangen"],
    // Polish counts have three forms: 1 (one), 2–4 and 22–24 (few), 5–21 and 25… (many).
    [
      'pl',
      { EMAIL: 1, PHONE: 3, IBAN: 5 },
      'Gatehouse zastąpił 1 adres e-mail, 3 numery telefonu i 5 numerów IBAN',
    ],
    ['pl', { EMAIL: 22 }, 'Gatehouse zastąpił 22 adresy e-mail'],
    ['pl', { EMAIL: 12 }, 'Gatehouse zastąpił 12 adresów e-mail'],
    ['pt_BR', { EMAIL: 1, API_KEY: 2 }, 'O Gatehouse substituiu 1 endereço de e-mail e 2 chaves secretas'],
    [
      'ja',
      { EMAIL: 2, CREDIT_CARD: 1 },
      'Gatehouse が メールアドレス 2 件、カード番号 1 件 を置き換えました',
    ],
    ['ko', { EMAIL: 2, CREDIT_CARD: 1 }, 'Gatehouse가 이메일 주소 2개 및 카드 번호 1개을(를) 바꿨습니다'],
    ['zh_TW', { EMAIL: 2, CREDIT_CARD: 1 }, 'Gatehouse 已取代 2個電子郵件地址和1個卡號'],
  ])('%s %j → %s', (locale, counts, expected) => {
    expect(redactedNotice(counts, translator(locale), tag(locale))).toBe(expected);
  });

  it('formats large counts with the locale’s digit grouping', () => {
    expect(describeCounts({ EMAIL: 12000 }, translator('en'), 'en')).toBe('12,000 email addresses');
  });

  it('names the blocked types', () => {
    expect(blockedNotice('personal-data', { US_SSN: 1 }, translator('en'), 'en')).toBe(
      'Gatehouse blocked this paste: it contains 1 US Social Security number',
    );
  });

  it.each(locales)('%s has every paste message the notice uses, and the locale it claims', (locale) => {
    const m = messages(locale);
    expect(m['paste_locale']?.message).toBe(tag(locale));
    for (const type of piiTypes) {
      expect(m[`paste_type_${type}_one`]?.message).toContain('{count}');
      expect(m[`paste_type_${type}_other`]?.message).toContain('{count}');
    }
    const english = Object.keys(messages('en')).filter((k) => k.startsWith('paste_'));
    for (const key of english) expect(m[key]?.message, key).toBeTruthy();
  });
});
