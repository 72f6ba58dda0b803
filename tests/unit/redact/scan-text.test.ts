// The single pass (lib/redact/scan-text.ts): which candidates it hands to which detector, word and number
// boundaries, the types switched off, and what it claims as not personal.
import { describe, expect, it } from 'vitest';
import { findPii } from '../../../lib/redact/redact';
import type { PiiType } from '../../../lib/redact/settings';

function found(text: string, types?: PiiType[]): [string, string][] {
  return findPii(text, types ? { types } : undefined).map((f) => [f.type, text.slice(f.start, f.end)]);
}

// One value of every type, each detected through a different kind of candidate.
const everyType: [PiiType, string][] = [
  ['EMAIL', 'anna@example.de'],
  ['PHONE', '+44 20 7946 0958'],
  ['CREDIT_CARD', '4111 1111 1111 1111'],
  ['IBAN', 'DE89370400440532013000'],
  ['US_SSN', '536-22-8714'],
  ['IP_ADDRESS', '203.0.113.42'],
  ['API_KEY', 'ghp_A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8'],
  ['UK_NINO', 'AB 12 34 56 C'],
  ['DE_TAX_ID', '65 929 970 489'],
  ['FR_NIR', '1 84 12 76 451 089 46'],
  ['IT_CODICE_FISCALE', 'RSSMRA85T10A562S'],
  ['ES_DNI', '12345678Z'],
];
const paste = everyType.map(([, value]) => value).join(' ; ');

describe('types switched on and off', () => {
  it('finds every type when all are on', () => {
    expect(found(paste)).toEqual(everyType);
  });
  it.each(everyType)('%s alone', (type, value) => {
    expect(found(paste, [type])).toEqual([[type, value]]);
  });
  it.each(everyType)('everything but %s', (type) => {
    expect(found(paste, everyTypeBut(type))).toEqual(everyType.filter(([t]) => t !== type));
  });
  it('no type at all', () => {
    expect(found(paste, [])).toEqual([]);
  });
});

function everyTypeBut(type: PiiType): PiiType[] {
  return everyType.map(([t]) => t).filter((t) => t !== type);
}

const rows: [name: string, text: string, expected: [string, string][]][] = [
  // Numbers
  ['a number starting with "("', 'ring (212) 555-0187', [['PHONE', '(212) 555-0187']]],
  ['"(" with a space before the digits', 'ring ( 212) 555-0187', [['PHONE', '( 212) 555-0187']]],
  ['"+" before the country code', 'call +44 20 7946 0958', [['PHONE', '+44 20 7946 0958']]],
  ['"+" after an empty bracket', 'call ( +44 20 7946 0958', [['PHONE', '+44 20 7946 0958']]],
  ['a double "+"', 'call ++44 20 7946 0958', [['PHONE', '+44 20 7946 0958']]],
  [
    'brackets without digits before a number',
    '(((( ) 4111 1111 1111 1111',
    [['CREDIT_CARD', '4111 1111 1111 1111']],
  ],
  ['digits at the very end of the text', 'SSN 536-22-8714', [['US_SSN', '536-22-8714']]],
  [
    'digits at the very start of the text',
    '4111111111111111 is a test card',
    [['CREDIT_CARD', '4111111111111111']],
  ],
  ['three digits are no candidate', 'SSN 123', []],
  ['digits ending a word are glued to it', 'on1 800 555 0199', []],
  ['a word glued to digits before it', '4111111111111111abc', []],
  ['digits inside a word', 'abc4111111111111111def', []],
  // Words
  ['IBAN after an underscore', 'IBAN_DE89370400440532013000', [['IBAN', 'DE89370400440532013000']]],
  ['IBAN after two underscores', 'x__DE89370400440532013000', [['IBAN', 'DE89370400440532013000']]],
  ['IBAN glued to digits before it', '9DE89370400440532013000', []],
  ['IBAN glued to a letter before it', 'XDE89370400440532013000', []],
  ['NINO in a word after digits', '12AB123456C', []],
  [
    'codice fiscale of 16 characters after an underscore',
    'cf_RSSMRA85T10A562S',
    [['IT_CODICE_FISCALE', 'RSSMRA85T10A562S']],
  ],
  ['17 characters are no codice fiscale', 'RSSMRA85T10A562SX', []],
  ['NIE in lower case', 'nie x1234567l', [['ES_DNI', 'x1234567l']]],
  ['NIE after a dot', 'a.X1234567L', []],
  [
    'token at a word start',
    'key ghp_A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8',
    [['API_KEY', 'ghp_A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8']],
  ],
  ['token after digits is not at a word start', '1sk_live_51HxYzAbCdEfGhIjKlMnOp', []],
  [
    'Bearer token',
    'Bearer 8f14e45fceea167a5a36dedd4bea2543',
    [['API_KEY', '8f14e45fceea167a5a36dedd4bea2543']],
  ],
  [
    'Basic credentials',
    'Authorization: Basic dXNlcjpQNHNzdzByZDEyMw==',
    [['API_KEY', 'dXNlcjpQNHNzdzByZDEyMw==']],
  ],
  [
    'Token scheme',
    'Authorization: Token 8f14e45fceea167a5a36dedd4bea2543',
    [['API_KEY', '8f14e45fceea167a5a36dedd4bea2543']],
  ],
  ['a word that only starts like Bearer', 'Bearers 8f14e45fceea167a5a36dedd4bea2543', []],
  ['SSN label ssn', 'ssn: 536228714', [['US_SSN', '536228714']]],
  ['SSN label ss#', 'ss# 536228714', [['US_SSN', '536228714']]],
  ['SSN label social security', 'Social Security: 536228714', [['US_SSN', '536228714']]],
  ['SSN label soc. sec.', 'Soc. Sec. 536228714', [['US_SSN', '536228714']]],
  ['SSN label taxpayer id', 'taxpayer id 536228714', [['US_SSN', '536228714']]],
  ['SSN label tax payer id', 'Tax payer ID: 536228714', [['US_SSN', '536228714']]],
  ['SSN label ITIN', 'ITIN 536228714', [['US_SSN', '536228714']]],
  ['a word starting like a label', 'sso 536228714', []],
  ['a word starting like ss#', 'ss 536228714', []],
  ['spelled "at" at the start of the text', 'at example dot com', []],
  ['spelled "at" after a tab', 'jane\tat example dot com', [['EMAIL', 'jane\tat example dot com']]],
  ['spelled "at" glued to the word before', 'jane-at example dot com', []],
  ['chiocciola', 'mario chiocciola esempio punto it', [['EMAIL', 'mario chiocciola esempio punto it']]],
  ['arobase', 'marie arobase exemple point fr', [['EMAIL', 'marie arobase exemple point fr']]],
  ['a word starting like chiocciola', 'mario chiocciolaa esempio punto it', []],
  [
    'an NPM token glued inside a long word',
    'loadenvnpm_A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8',
    [['API_KEY', 'npm_A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8']],
  ],
  ['a glued token that does not end the word', 'xnpm_A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8_tail', []],
  // Punctuation
  [
    'IPv6 from a colon',
    'peer 2001:db8:85a3::8a2e:370:7334 up',
    [['IP_ADDRESS', '2001:db8:85a3::8a2e:370:7334']],
  ],
  ['URL credentials from "://"', 'postgres://app:Xk9mQ2vL7pR@db:5432/x', [['API_KEY', 'Xk9mQ2vL7pR']]],
  [
    'Telegram token from ":AA"',
    'bot 123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw0',
    [['API_KEY', '123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw0']],
  ],
  ['a colon then one A', 'time 12:A1', []],
  ['assignment with "="', 'password=Secr3t99', [['API_KEY', 'Secr3t99']]],
  ['assignment with ":"', 'password: Secr3t99', [['API_KEY', 'Secr3t99']]],
  [
    'private key from "-----BEGIN"',
    '-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBg\n-----END PRIVATE KEY-----',
    [['API_KEY', '-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBg\n-----END PRIVATE KEY-----']],
  ],
  ['a single dash before BEGIN', '-BEGIN PRIVATE KEY-----', []],
  ['spelled "[at]"', 'jane [at] example [dot] org', [['EMAIL', 'jane [at] example [dot] org']]],
  ['spelled "{at}"', 'jane {at} example {dot} org', [['EMAIL', 'jane {at} example {dot} org']]],
  ['spelled "<at>"', 'jane <at> example <dot> org', [['EMAIL', 'jane <at> example <dot> org']]],
  ['spelled "( at )"', 'jane ( at ) example ( dot ) org', [['EMAIL', 'jane ( at ) example ( dot ) org']]],
  ['spelled "(AT)"', 'jane (AT) example (DOT) org', [['EMAIL', 'jane (AT) example (DOT) org']]],
  // Claims
  ['a card-shaped number after a tracking label', 'Tracking: 4111 1111 1111 1111', []],
  ['a phone-shaped number after a tracking label', 'Tracking: 020 7946 0958', []],
  [
    'an IP address after a tracking label is no parcel',
    'tracking 203.0.113.42',
    [['IP_ADDRESS', '203.0.113.42']],
  ],
  [
    'a phone in a chunk after a parcel chunk',
    'Tracking: 9400 1118 9922 3397 6239 13, tel 020 7946 0958',
    [['PHONE', '020 7946 0958']],
  ],
  ['a short chunk with a phone is never a parcel', 'tracking: 555 0187', []],
];

describe('candidates', () => {
  it.each(rows)('%s', (_name, text, expected) => {
    expect(found(text)).toEqual(expected);
  });
});
