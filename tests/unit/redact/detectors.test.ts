// One row per named case: what the whole engine reports for a short text (type and exact matched value).
import { describe, expect, it } from 'vitest';
import { findPii } from '../../../lib/redact/redact';

type Row = [name: string, text: string, expected: [type: string, value: string][]];

function found(text: string): [string, string][] {
  return findPii(text).map((f) => [f.type, text.slice(f.start, f.end)]);
}

const positives: Row[] = [
  ['plain e-mail', 'write to anna.schmidt@example.de today', [['EMAIL', 'anna.schmidt@example.de']]],
  ['e-mail with plus tag', 'bob+news@mail.example.org', [['EMAIL', 'bob+news@mail.example.org']]],
  ['e-mail with umlaut', 'jürgen@beispiel.de', [['EMAIL', 'jürgen@beispiel.de']]],
  [
    'spelled-out e-mail [at] [dot]',
    'mail jane [at] example [dot] org',
    [['EMAIL', 'jane [at] example [dot] org']],
  ],
  ['spelled-out e-mail (at)', 'jdoe(at)mailbox(dot)net', [['EMAIL', 'jdoe(at)mailbox(dot)net']]],
  [
    'spelled-out e-mail with words',
    'reach me: jane at example dot com',
    [['EMAIL', 'jane at example dot com']],
  ],
  ['UK phone international', 'call +44 20 7946 0958 now', [['PHONE', '+44 20 7946 0958']]],
  ['UK phone national', 'Direct: 020 7946 0321', [['PHONE', '020 7946 0321']]],
  ['US phone with brackets', 'ring (212) 555-0187', [['PHONE', '(212) 555-0187']]],
  ['US phone with dots', 'fax 415.555.0132', [['PHONE', '415.555.0132']]],
  ['German mobile', 'Handy 0151 23456789', [['PHONE', '0151 23456789']]],
  ['French phone', 'portable 06 12 34 56 78', [['PHONE', '06 12 34 56 78']]],
  ['phone 00 prefix', 'tel 0044 20 7946 0958', [['PHONE', '0044 20 7946 0958']]],
  ['bare digits after phone word', 'my number is 2125550187', [['PHONE', '2125550187']]],
  ['fictional 555 number after phone word', 'Phone: 555-123-4567', [['PHONE', '555-123-4567']]],
  ['fictional +1 555 number after phone word', 'call +1 (555) 123-4567', [['PHONE', '+1 (555) 123-4567']]],
  ['fictional UK mobile after phone word', 'Mobile: 07700 900123', [['PHONE', '07700 900123']]],
  [
    'fictional UK mobile, international, after phone word',
    'mobile +44 7700 900123',
    [['PHONE', '+44 7700 900123']],
  ],
  ['phone in tel: link', '<a href="tel:+442079460958">', [['PHONE', '+442079460958']]],
  ['UK phone with (0)', 'Tel +44 (0)20 7946 0958', [['PHONE', '+44 (0)20 7946 0958']]],
  ['Visa grouped', 'card 4111 1111 1111 1111', [['CREDIT_CARD', '4111 1111 1111 1111']]],
  ['Mastercard hyphens', '5200-8282-8282-8210', [['CREDIT_CARD', '5200-8282-8282-8210']]],
  ['Amex 4-6-5', 'amex 3782 822463 10005', [['CREDIT_CARD', '3782 822463 10005']]],
  ['card in CSV', 'TX-1,129.99,EUR,4111111111111111,settled', [['CREDIT_CARD', '4111111111111111']]],
  ['IBAN compact', 'IBAN DE89370400440532013000', [['IBAN', 'DE89370400440532013000']]],
  ['IBAN grouped', 'IBAN GB82 WEST 1234 5698 7654 32.', [['IBAN', 'GB82 WEST 1234 5698 7654 32']]],
  [
    'IBAN with letters in BBAN',
    'FR14 2004 1010 0505 0001 3M02 606',
    [['IBAN', 'FR14 2004 1010 0505 0001 3M02 606']],
  ],
  ['SSN hyphenated', 'SSN 536-22-8714', [['US_SSN', '536-22-8714']]],
  ['SSN bare with context', 'social security number: 536228714', [['US_SSN', '536228714']]],
  ['IPv4', 'from 203.0.113.42 port 22', [['IP_ADDRESS', '203.0.113.42']]],
  ['IPv4 with single-digit octets', 'resolver 8.8.8.8', [['IP_ADDRESS', '8.8.8.8']]],
  ['IPv6 compressed', 'src 2001:db8:85a3::8a2e:370:7334.', [['IP_ADDRESS', '2001:db8:85a3::8a2e:370:7334']]],
  ['IPv6 with embedded IPv4', 'peer ::ffff:192.0.2.128 up', [['IP_ADDRESS', '::ffff:192.0.2.128']]],
  ['AWS access key', 'key=AKIAZ3MHQ7VJ2XKD4P5N', [['API_KEY', 'AKIAZ3MHQ7VJ2XKD4P5N']]],
  [
    'GitHub token',
    'ghp_A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8',
    [['API_KEY', 'ghp_A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8']],
  ],
  ['Stripe secret key', 'sk_live_51HxYzAbCdEfGhIjKlMnOp', [['API_KEY', 'sk_live_51HxYzAbCdEfGhIjKlMnOp']]],
  [
    'Slack bot token',
    'xoxb-2847561930-4829105738291-Zk7QpXr2MvN8',
    [['API_KEY', 'xoxb-2847561930-4829105738291-Zk7QpXr2MvN8']],
  ],
  [
    'Google API key',
    'key=AIzaSyD-9tSrke72PouQMnMX-a7eZSW0jkFMBWY',
    [['API_KEY', 'AIzaSyD-9tSrke72PouQMnMX-a7eZSW0jkFMBWY']],
  ],
  [
    'OpenAI key',
    'sk-proj-Q3x9Lm2Vt7Rk4Np8Ws1Yz6Bc0Df5Gh2Jk9L',
    [['API_KEY', 'sk-proj-Q3x9Lm2Vt7Rk4Np8Ws1Yz6Bc0Df5Gh2Jk9L']],
  ],
  [
    'Telegram bot token',
    'bot 123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw0',
    [['API_KEY', '123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw0']],
  ],
  [
    'Vault token',
    'VAULT_TOKEN hvs.CAESIJlWh3tKx9pQ2mR7vT4wN8pL3sY2',
    [['API_KEY', 'hvs.CAESIJlWh3tKx9pQ2mR7vT4wN8pL3sY2']],
  ],
  [
    'JWT',
    'Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U',
    [
      [
        'API_KEY',
        'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U',
      ],
    ],
  ],
  ['password in connection string', 'postgres://app:Xk9#mQ2vL7pR@db:5432/x', [['API_KEY', 'Xk9#mQ2vL7pR']]],
  [
    'password with @-like tail in URL',
    'redis://:9fG7hK2mP4qR@cache.example.internal:6379',
    [['API_KEY', '9fG7hK2mP4qR']],
  ],
  ['password assignment', 'password: "Tr0ub4dor&3x!"', [['API_KEY', 'Tr0ub4dor&3x!']]],
  ['password in a query string', '?user=report&password=Secr3t99&ssl=true', [['API_KEY', 'Secr3t99']]],
  [
    'API key header',
    'x-api-key: 8f14e45fceea167a5a36dedd4bea2543',
    [['API_KEY', '8f14e45fceea167a5a36dedd4bea2543']],
  ],
  [
    'private key block',
    '-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA7\n-----END RSA PRIVATE KEY-----',
    [['API_KEY', '-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA7\n-----END RSA PRIVATE KEY-----']],
  ],
  ['UK NINO spaced', 'NI number AB 12 34 56 C', [['UK_NINO', 'AB 12 34 56 C']]],
  ['UK NINO compact', 'JG103742A', [['UK_NINO', 'JG103742A']]],
  ['UK NINO specimen prefix QQ', 'NI: QQ 12 34 56 C', [['UK_NINO', 'QQ 12 34 56 C']]],
  ['German tax id grouped', 'IdNr 65 929 970 489', [['DE_TAX_ID', '65 929 970 489']]],
  ['German tax id bare with context', 'Steuer-ID: 43885012786', [['DE_TAX_ID', '43885012786']]],
  [
    'SSN in a CSV column',
    'name,ssn,plan\nJohn,536228714,PPO\nJane,401 55 3286,HMO',
    [
      ['US_SSN', '536228714'],
      ['US_SSN', '401 55 3286'],
    ],
  ],
  ['phone in a CSV column', 'name;phone\nAnna;2125550187', [['PHONE', '2125550187']]],
  ['German tax id in a CSV column', 'Name;Steuer-IdNr\nBecker;10239175641', [['DE_TAX_ID', '10239175641']]],
  ['French NIR spaced', 'NIR 1 84 12 76 451 089 46', [['FR_NIR', '1 84 12 76 451 089 46']]],
  ['French NIR Corsica', 'n° 2 69 05 2A 123 456 88', [['FR_NIR', '2 69 05 2A 123 456 88']]],
  ['Italian codice fiscale', 'CF RSSMRA85T10A562S', [['IT_CODICE_FISCALE', 'RSSMRA85T10A562S']]],
  ['codice fiscale typed in lower case', 'cf rssmra85t10a562s', [['IT_CODICE_FISCALE', 'rssmra85t10a562s']]],
  [
    'IBAN typed in lower case',
    'iban de89 3704 0044 0532 0130 00 thanks',
    [['IBAN', 'de89 3704 0044 0532 0130 00']],
  ],
  [
    'IBAN followed by a word',
    'cuenta ES91 2100 0418 4502 0005 1332 antes',
    [['IBAN', 'ES91 2100 0418 4502 0005 1332']],
  ],
  ['Spanish DNI', 'DNI 12345678Z', [['ES_DNI', '12345678Z']]],
  ['Spanish DNI dotted', 'DNI 12.345.678-Z', [['ES_DNI', '12.345.678-Z']]],
  ['Spanish NIE', 'NIE X1234567L', [['ES_DNI', 'X1234567L']]],
];

const evasions: Row[] = [
  [
    'zero-width space inside e-mail',
    'jo\u200bhn@exa\u200dmple.com',
    [['EMAIL', 'jo\u200bhn@exa\u200dmple.com']],
  ],
  [
    'full-width digits in phone',
    '＋４４ ２０ ７９４６ ０９５８',
    [['PHONE', '＋４４ ２０ ７９４６ ０９５８']],
  ],
  ['full-width e-mail', 'ｍａｒｋ＠ｅｘａｍｐｌｅ．ｃｏｍ', [['EMAIL', 'ｍａｒｋ＠ｅｘａｍｐｌｅ．ｃｏｍ']]],
  [
    'no-break spaces in IBAN',
    'GB82\u00a0WEST\u00a01234\u00a05698\u00a07654\u00a032',
    [['IBAN', 'GB82\u00a0WEST\u00a01234\u00a05698\u00a07654\u00a032']],
  ],
  [
    'thin spaces in card',
    '4012\u20098888\u20098888\u20091881',
    [['CREDIT_CARD', '4012\u20098888\u20098888\u20091881']],
  ],
  [
    'zero-width in card',
    '4111\u200b1111\u200b1111\u200b1111',
    [['CREDIT_CARD', '4111\u200b1111\u200b1111\u200b1111']],
  ],
  ['en dashes in SSN', '612\u201378\u20131290', [['US_SSN', '612\u201378\u20131290']]],
  ['soft hyphen in NINO', 'AB\u00ad123456C', [['UK_NINO', 'AB\u00ad123456C']]],
  ['spaces around @ and dots', 'mail john.doe @ example . com', [['EMAIL', 'john.doe @ example . com']]],
  ['HTML character references', 'john&#64;example&#46;com', [['EMAIL', 'john&#64;example&#46;com']]],
  ['named HTML reference', 'jane&commat;example.org', [['EMAIL', 'jane&commat;example.org']]],
  ['ideographic full stop', 'mark＠example。com', [['EMAIL', 'mark＠example。com']]],
  ['Arabic-Indic digits', 'SSN ٥٣٦-٢٢-٨٧١٤', [['US_SSN', '٥٣٦-٢٢-٨٧١٤']]],
];

const hardNegatives: [name: string, text: string][] = [
  ['order number', 'Order #100234567 shipped'],
  ['invoice number', 'Invoice INV-2024-0042 of 12,499.00'],
  ['UUID', '123e4567-e89b-12d3-a456-426614174000'],
  ['git hash', 'commit 9fceb02d0ae598e95dc970b74767f19372d61af8'],
  ['semantic version', 'react 18.3.1 and node 20.11.1'],
  ['four-part version', 'version 10.0.19045.4170'],
  ['Java version', 'Java 17.0.8.1'],
  ['ISO date and time', '2024-03-12T10:41:07.123Z'],
  ['European date', '12.03.2024 10:41'],
  ['unix timestamp', 'ts 1710240067123'],
  ['ISBN-13', 'ISBN 978-0-13-595705-9'],
  ['ISBN-10', 'ISBN 0-306-40615-2'],
  ['IBAN with wrong check digits', 'DE89370400440532013001'],
  ['IBAN of wrong length', 'DE8937040044053201300'],
  ['Luhn-failing card', '4111 1111 1111 1112'],
  ['Luhn-valid number of no issuer', '1234 5678 9012 3452'],
  ['price', '€1.249,00 and $12,499.00'],
  ['hex colour', 'color: #1a73e8;'],
  [
    'base64 blob',
    'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAABAAAAAQCAYAAAAf8/9hAAAABHNCSVQICAgIfAhkiAAAAAlwSFlzAAALEwAACxMBAJqcGAAAAGFJREFUOI1j',
  ],
  ['code identifiers', 'const token = getToken(); const password = form.get("password");'],
  ['secret from environment', 'password = process.env.DB_PASSWORD'],
  ['SSN area 666', '666-45-1234'],
  ['SSN area 9xx', '912-34-5678'],
  ['SSN group 00', '123-00-4567'],
  ['bare nine digits without context', 'ref 536228714'],
  ['invalid IPv4 octets', '256.300.1.1'],
  ['OID', '1.3.6.1.4.1.311.21.7'],
  ['loopback and netmask', '127.0.0.1 255.255.255.0'],
  ['MAC address', '00:1A:2B:3C:4D:5E'],
  ['clock time', '12:30:45'],
  ['C++ scope', 'std::vector<int>::iterator'],
  ['retina asset', 'logo@2x.png'],
  ['npm package spec', 'npm i react@18.3.1 @types/node@20.11.30'],
  ['git SSH remote', 'git@github.com:org/repo.git'],
  ['plain "at" in prose', 'meet me at the office at noon'],
  ['codice fiscale with wrong check letter', 'RSSMRA85T10A562T'],
  ['DNI with wrong letter', '12345678A'],
  ['NINO with unallocated prefix', 'GB123456A'],
  ['NINO with invalid first letter', 'DA123456A'],
  ['German tax id bare without context', 'Lieferschein 43885012786'],
  ['"tin" at the end of a name is not context', 'Martin 43885012786'],
  ['nine digits in a column not about SSNs', 'name,employee_id\nJohn,536228714'],
  ['ten digits in a column not about phones', 'sku;order\nA-1;2125550187'],
  ['tracking number', '1Z999AA10123456784'],
  ['EAN barcode', '4006381333931'],
  ['IMEI', 'IMEI 490154203237518'],
  ['coordinates', '51.5074, -0.1278'],
  ['LLM setting', 'MAX_TOKENS=4096'],
  ['NHS number', 'my NHS number is 485 777 3456'],
  ['context word inside another word', 'hotel 2125550187 recall 2125550187'],
  ['fictional 555 number without context', 'ref 555-123-4567'],
  ['fictional UK mobile without context', 'batch +44 7700 900123'],
  ['matrix product in Python', 'y = x @ weights.mean + bias'],
  ['non-ASCII HTML reference is left alone', 'caf&#233; au lait'],
  ['CIDR network', 'cidr_block = "10.0.0.0/16"'],
  ['short national number without context', 'Part 0151-2345 replaces 0151-2344'],
  ['hex bytes', '<Buffer 01 02 03 04>'],
  ['changelog heading', '## 0.24.0 (2017-09-25)'],
  ['mixed-case identifier shaped like a codice fiscale', 'RssMra85T10a562s'],
  ['secret word inside another word', 'const onepass = re2.onepass;'],
  ['type annotation after a secret word', 'readonly credentials: RequestCredentials;'],
  ['path after a secret word', '"./CancelToken": "./CancelToken.js"'],
  ['hex constant after a secret word', 'STENCIL_PASS_DEPTH_PASS: 0x0B96;'],
  ['message text after a secret word', `95: "Unexpected token: 'escaped keyword'"`],
  ['well-known default credentials', 'amqp://guest:guest@localhost:5672/'],
  ['spec section number', 'HTML spec §13.2.5.73'],
];

describe('findPii detects each type', () => {
  it.each(positives)('%s', (_name, text, expected) => {
    expect(found(text)).toEqual(expected);
  });
});

describe('findPii sees through evasions and reports original offsets', () => {
  it.each(evasions)('%s', (_name, text, expected) => {
    expect(found(text)).toEqual(expected);
  });
});

describe('findPii stays quiet on hard negatives', () => {
  it.each(hardNegatives)('%s', (_name, text) => {
    expect(found(text)).toEqual([]);
  });
});
