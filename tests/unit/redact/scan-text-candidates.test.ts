// The single pass (lib/redact/scan-text.ts), one row per kind of candidate: each value is found with every
// type on, with its type alone, and not at all with every type but its own (the pass hands a candidate only
// to the detectors that are on, and detectors of other types must not pick it up either).
import { describe, expect, it } from 'vitest';
import { findPii } from '../../../lib/redact/redact';
import { piiTypes, type PiiType } from '../../../lib/redact/settings';

function found(text: string, types?: readonly PiiType[]): [string, string][] {
  return findPii(text, types ? { types: [...types] } : undefined).map((f) => [
    f.type,
    text.slice(f.start, f.end),
  ]);
}

const candidates: [kind: string, type: PiiType, text: string, value: string][] = [
  ['"@"', 'EMAIL', 'write to anna@example.de', 'anna@example.de'],
  ['a spelled "at" word', 'EMAIL', 'jane at example dot com', 'jane at example dot com'],
  ['a spelled "arroba" word', 'EMAIL', 'ana arroba ejemplo punto es', 'ana arroba ejemplo punto es'],
  ['a bracketed "[at]"', 'EMAIL', 'jane [at] example [dot] org', 'jane [at] example [dot] org'],
  // A word ends at '[' or '{' (the character codes just after 'z' and 'Z' once lowered): what follows starts.
  ['"[at]" glued to the name', 'EMAIL', 'jane[at]example.com', 'jane[at]example.com'],
  ['"{at}" glued to the name', 'EMAIL', 'x{at}y.com', 'x{at}y.com'],
  [
    'an IBAN in brackets glued to its label',
    'IBAN',
    'iban[DE89370400440532013000]',
    'DE89370400440532013000',
  ],
  [
    'a token prefix',
    'API_KEY',
    'key ghp_A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8',
    'ghp_A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8',
  ],
  [
    'a token glued inside a word',
    'API_KEY',
    'loadenvnpm_A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8',
    'npm_A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8',
  ],
  [
    '"Bearer"',
    'API_KEY',
    'Authorization: Bearer 8f14e45fceea167a5a36dedd4bea2543',
    '8f14e45fceea167a5a36dedd4bea2543',
  ],
  ['"://" with a password', 'API_KEY', 'postgres://app:Xk9mQ2vL7pR@db:5432/x', 'Xk9mQ2vL7pR'],
  [
    '":AA" of a Telegram token',
    'API_KEY',
    'bot 123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw0',
    '123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw0',
  ],
  ['"="', 'API_KEY', 'password=Secr3t99', 'Secr3t99'],
  ['":"', 'API_KEY', 'password: Secr3t99', 'Secr3t99'],
  [
    '"-----BEGIN"',
    'API_KEY',
    '-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBg\n-----END PRIVATE KEY-----',
    '-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBg\n-----END PRIVATE KEY-----',
  ],
  ['a dashed number', 'US_SSN', 'SSN 536-22-8714', '536-22-8714'],
  ['an SSN label word', 'US_SSN', 'SSN 536228714', '536228714'],
  ['a number then a letter', 'ES_DNI', 'DNI 12345678Z', '12345678Z'],
  ['a NIE starting with X', 'ES_DNI', 'NIE X1234567L', 'X1234567L'],
  ['a NIE starting with Z', 'ES_DNI', 'NIE Z1234567R', 'Z1234567R'],
  ['a NIE starting with z', 'ES_DNI', 'nie z1234567r', 'z1234567r'],
  ['a dotted number', 'IP_ADDRESS', 'ip 203.0.113.42', '203.0.113.42'],
  [
    '":" of an IPv6 address',
    'IP_ADDRESS',
    'peer 2001:db8:85a3::8a2e:370:7334 up',
    '2001:db8:85a3::8a2e:370:7334',
  ],
  ['two letters then digits', 'IBAN', 'IBAN DE89370400440532013000', 'DE89370400440532013000'],
  ['two letters after "_"', 'IBAN', 'IBAN_DE89370400440532013000', 'DE89370400440532013000'],
  ['two letters, a space, digits', 'UK_NINO', 'NINO AB 12 34 56 C', 'AB 12 34 56 C'],
  ['a NINO after "_"', 'UK_NINO', 'nino_AB123456C', 'AB123456C'],
  ['a word of 16 characters', 'IT_CODICE_FISCALE', 'CF RSSMRA85T10A562S', 'RSSMRA85T10A562S'],
  ['16 characters after "_"', 'IT_CODICE_FISCALE', 'cf_RSSMRA85T10A562S', 'RSSMRA85T10A562S'],
  ['"+"', 'PHONE', 'call +44 20 7946 0958', '+44 20 7946 0958'],
  ['"("', 'PHONE', 'ring (212) 555-0187', '(212) 555-0187'],
  ['a grouped number', 'CREDIT_CARD', 'card 4111 1111 1111 1111', '4111 1111 1111 1111'],
  ['an officially grouped number', 'DE_TAX_ID', 'Steuer-ID 65 929 970 489', '65 929 970 489'],
  ['a spaced number', 'FR_NIR', 'NIR 1 84 12 76 451 089 46', '1 84 12 76 451 089 46'],
];

describe('each kind of candidate reaches its detector, and only when its type is on', () => {
  it.each(candidates)('%s (%s): every type on', (_kind, type, text, value) => {
    expect(found(text)).toEqual([[type, value]]);
  });
  it.each(candidates)('%s (%s): its type alone', (_kind, type, text, value) => {
    expect(found(text, [type])).toEqual([[type, value]]);
  });
  it.each(candidates)('%s (%s): every type but its own', (_kind, type, text) => {
    expect(
      found(
        text,
        piiTypes.filter((t) => t !== type),
      ),
    ).toEqual([]);
  });
});

// The thresholds of the pass: how many digits make a candidate, a phone candidate, a parcel number.
const thresholds: [name: string, text: string, expected: [string, string][]][] = [
  ['four single-digit groups are a number', 'dns 8.8.4.4', [['IP_ADDRESS', '8.8.4.4']]],
  ['seven digits are a phone candidate', 'Tel. 555 0187', [['PHONE', '555 0187']]],
  ['seven digits after "+" are a phone candidate', 'call +683 4002', [['PHONE', '+683 4002']]],
  [
    'seven digits after a tracking label are no parcel number',
    'tracking: +683 4002',
    [['PHONE', '+683 4002']],
  ],
  ['eight digits after a tracking label are a parcel number', 'Tracking: +290 22123', []],
  ['the same eight digits without the label', 'call +290 22123', [['PHONE', '+290 22123']]],
  ['a number starting with 9', 'ip 93.184.216.34', [['IP_ADDRESS', '93.184.216.34']]],
  ['"/" continues a number', 'call 020 7946 0958/0959', [['PHONE', '020 7946 0958/0959']]],
];

describe('thresholds', () => {
  it.each(thresholds)('%s', (_name, text, expected) => {
    expect(found(text)).toEqual(expected);
  });
  it('a card after more groups of digits than the run table first holds (64)', () => {
    const text = `${'12 '.repeat(70)}4111 1111 1111 1111 and 5500 0000 0000 0004`;
    expect(found(text)).toEqual([
      ['CREDIT_CARD', '4111 1111 1111 1111'],
      ['CREDIT_CARD', '5500 0000 0000 0004'],
    ]);
  });
});

// Which characters after a punctuation mark make it a candidate.
const punctuation: [name: string, text: string, expected: [string, string][]][] = [
  ['"://" starts a URL', 'db://app:Xk9mQ2vL7pR@db', [['API_KEY', 'Xk9mQ2vL7pR']]],
  ['a colon, a letter, one slash is no URL', 'see a:b/app:Xk9mQ2vL7pR@db', []],
  ['a colon, one slash, a letter is no URL', 'see x:/xapp:Xk9mQ2vL7pR@db', []],
];

describe('punctuation', () => {
  it.each(punctuation)('%s', (_name, text, expected) => {
    expect(found(text)).toEqual(expected);
  });
});

// Every letter and digit continues a word: a codice fiscale is one word of 16 characters, whatever it holds
// (the first and last letter of each case, '0' and '9').
const words: [name: string, text: string, expected: [string, string][]][] = [
  ['capitals with Z, A, 0 and 9', 'CF RSSMRA90A01Z404T', [['IT_CODICE_FISCALE', 'RSSMRA90A01Z404T']]],
  ['ended by "}"', '{cf: RSSMRA85T10A562S}', [['IT_CODICE_FISCALE', 'RSSMRA85T10A562S']]],
  ['between underscores', 'x_RSSMRA85T10A562S_cf', [['IT_CODICE_FISCALE', 'RSSMRA85T10A562S']]],
  ['17 characters after an underscore', 'cf_RSSMRA85T10A562SX', []],
  ['17 characters ending in a digit after an underscore', 'cf_RSSMRA85T10A562S9', []],
  ['lower case with z, a, 0 and 9', 'cf rssmra90a01z404t', [['IT_CODICE_FISCALE', 'rssmra90a01z404t']]],
  // A value before an underscore, or after one that starts the word, is as much a value as between two.
  ['before an underscore', 'RSSMRA85T10A562S_cf', [['IT_CODICE_FISCALE', 'RSSMRA85T10A562S']]],
  ['after an underscore starting the text', '_DE89370400440532013000', [['IBAN', 'DE89370400440532013000']]],
  [
    'after an underscore starting a cell',
    'x\t_RSSMRA85T10A562S',
    [['IT_CODICE_FISCALE', 'RSSMRA85T10A562S']],
  ],
  ['after digits and an underscore', 'id 4_DE89370400440532013000', [['IBAN', 'DE89370400440532013000']]],
  ['an IBAN before an underscore', 'DE89370400440532013000_old', [['IBAN', 'DE89370400440532013000']]],
];

describe('word characters', () => {
  it.each(words)('%s', (_name, text, expected) => {
    expect(found(text)).toEqual(expected);
  });
});

// Parcel numbers are claimed whole, and only they: what lies outside them is still found.
const parcels: [name: string, text: string, expected: [string, string][]][] = [
  [
    'a card-shaped parcel number, then an address',
    'Tracking: 4111 1111 1111 1111, mail anna@example.de',
    [['EMAIL', 'anna@example.de']],
  ],
  [
    'a parcel number as the local part of an address',
    'tracking 9400111899223397623913@example.com',
    [['EMAIL', '9400111899223397623913@example.com']],
  ],
  [
    'a phone, then a phone-shaped parcel number',
    'Tel. 020 7946 0958, tracking: 020 7946 0959',
    [['PHONE', '020 7946 0958']],
  ],
  ['a phone-shaped parcel number, then a full stop', 'Tracking: 020 7946 0958. Thanks', []],
  // The claim covers the digits only: an address built on them is still an address.
  [
    'a card-shaped parcel number as the local part of an address',
    'Tracking: 4111111111111111@example.com',
    [['EMAIL', '4111111111111111@example.com']],
  ],
];

describe('parcel numbers', () => {
  it.each(parcels)('%s', (_name, text, expected) => {
    expect(found(text)).toEqual(expected);
  });
});
