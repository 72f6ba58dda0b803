// The false alarms and misses that real pastes produce (issue 16), one row per case: what the whole engine
// reports for a short text (type and exact matched value). Each class of case also has corpus documents.
import { describe, expect, it } from 'vitest';
import { findPii } from '../../../lib/redact/redact';

type Row = [name: string, text: string, expected: [type: string, value: string][]];

function found(text: string): [string, string][] {
  return findPii(text).map((f) => [f.type, text.slice(f.start, f.end)]);
}

const placeholderSecrets: Row[] = [
  ["AWS's documented example access key id", 'aws_access_key_id = AKIAIOSFODNN7EXAMPLE', []],
  [
    "AWS's documented example secret key",
    'AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
    [],
  ],
  ['all-x Stripe key', 'STRIPE_SECRET_KEY=sk_live_xxxxxxxxxxxxxxxxxxxxxxxx', []],
  ['all-X GitHub token', 'GITHUB_TOKEN=ghp_XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX', []],
  ['repeated-character OpenAI key', 'OPENAI_API_KEY=sk-proj-aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa', []],
  ['Slack token whose body is words', 'SLACK_BOT_TOKEN=xoxb-your-bot-token-goes-here', []],
  ['OpenAI key whose body is words', 'export OPENAI_API_KEY="sk-your-openai-api-key-here"', []],
  ['API key placeholder in capitals', 'api_key: "YOUR_API_KEY_HERE"', []],
  ['angle-bracket placeholder after Bearer', 'curl -H "Authorization: Bearer <your-access-token>"', []],
  ['capitalised placeholder after Bearer', 'Authorization: Bearer YOUR_ACCESS_TOKEN_HERE', []],
  ['counting placeholder', 'sk_test_1234567890abcdefghijklmnop', []],
  ['masked key', 'key: sk_live_****************************', []],
  ['zeros and x in a Slack token', 'xoxb-000000000000-000000000000-xxxxxxxxxxxxxxxxxxxxxxxx', []],
  ["Stripe's documented test key", 'Stripe.api_key = "sk_test_4eC39HqLyjWDarjtT1zdp7dc"', []],
  [
    "jwt.io's sample token",
    'Bearer eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c',
    [],
  ],
];

const productAndParcelNumbers: Row[] = [
  ['EAN-13 that passes Luhn, after a label', 'EAN: 5901234123457', []],
  ['EAN-13 that passes Luhn, bare', 'Artikel 5901234123457 Menge 2', []],
  ['EAN-13 starting with 4 that passes Luhn', 'GTIN 4006381333924', []],
  ['UPC-A', 'UPC 036000291452', []],
  ['column of barcodes', 'sku,barcode,qty\nA-100,5901234123457,4\nA-101,4006381333924,1', []],
  ['USPS tracking number', 'USPS tracking: 9400111899223397623913', []],
  ['USPS tracking number in groups', 'Tracking 9400 1118 9922 3397 6239 13', []],
  ['USPS 92 tracking number', 'tracking number 9205501650000000000014', []],
  ['UPS tracking number', 'UPS 1Z999AA10123456784', []],
  ['UPS tracking number in groups', 'UPS: 1Z 999 AA1 01 2345 6784', []],
  ['DHL SSCC after Sendungsnummer', 'Sendungsnummer: 00340434161094042557', []],
  ['FedEx tracking number', 'FedEx tracking 7489 2345 6782', []],
  ['tracking number after Spanish label', 'número de seguimiento: 9400 1118 9922 3397 6239 13', []],
  ['number after a carrier and service name', 'FedEx Ground 9612 0191 3372 4001 2345 67', []],
];

const arithmeticAndCode: Row[] = [
  ['modular arithmetic', 'y = 415 902 3310 mod 17', []],
  ['sum and difference', '512 + 230 - 41 = 701', []],
  ['product of a phone-shaped number', '2125550187 * 3 = 6376650561', []],
  ['coordinates with a comma', 'location: 51.5074, -0.1278', []],
  ['coordinates in a query string', '?lat=40.712776&lng=-74.005974', []],
  ['coordinates in degrees', '48.8566° N, 2.3522° E', []],
  ['four-part version after v', 'release v10.20.30.40 is out', []],
  ['build number', 'Build 10.0.19045.4170', []],
  ['user agent', 'Mozilla/5.0 Chrome/122.0.6261.112 Safari/537.36', []],
  ['epoch milliseconds', '"ts": 1710240067123', []],
  ['epoch seconds', 'created_at=1710240067', []],
  ['compact timestamp', 'backup-20240312104107.tar.gz', []],
  ['timestamp with fraction', '2024-03-12 10:41:07.123456', []],
];

const sampleSsns: Row[] = [
  ['the Woolworth wallet SSN', 'SSN 078-05-1120', []],
  ['the counting sample SSN', 'SSN: 123-45-6789', []],
  ["the SSA's advertising sample", 'e.g. 219-09-9999', []],
  ['area 000', 'SSN 000-12-3456', []],
  ['area 666', 'SSN 666-12-3456', []],
  ['area 9xx', 'SSN 912-34-5678', []],
  ['group 00', 'SSN 536-00-8714', []],
  ['serial 0000', 'SSN 536-22-0000', []],
  ['marked as a placeholder', 'SSN: 536-22-8714 (placeholder)', []],
  ['marked as a test value', 'test SSN 536-22-8714', []],
];

const cardsNextToText: Row[] = [
  ['card then expiry and CVV', 'PAN 4111111111111111 0927 123', [['CREDIT_CARD', '4111111111111111']]],
  ['grouped card then CVV', '4111 1111 1111 1111 123', [['CREDIT_CARD', '4111 1111 1111 1111']]],
  ['Amex then CID', 'Amex 378282246310005 1234', [['CREDIT_CARD', '378282246310005']]],
  [
    'two cards separated by a slash',
    '4111111111111111/5500000000000004',
    [
      ['CREDIT_CARD', '4111111111111111'],
      ['CREDIT_CARD', '5500000000000004'],
    ],
  ],
  [
    'two cards separated by a space',
    '4111111111111111 5500000000000004',
    [
      ['CREDIT_CARD', '4111111111111111'],
      ['CREDIT_CARD', '5500000000000004'],
    ],
  ],
  [
    'two grouped cards in a row',
    '4111 1111 1111 1111 5500 0000 0000 0004',
    [
      ['CREDIT_CARD', '4111 1111 1111 1111'],
      ['CREDIT_CARD', '5500 0000 0000 0004'],
    ],
  ],
  ['UATP card after a card label', 'card number: 122000000000003', [['CREDIT_CARD', '122000000000003']]],
  [
    'card then expiry with a slash',
    'Card 5555 5555 5555 4444 exp 09/27',
    [['CREDIT_CARD', '5555 5555 5555 4444']],
  ],
];

const phonesNextToPunctuation: Row[] = [
  ['phone then colon', '+44 20 7946 0018: ask for Bob', [['PHONE', '+44 20 7946 0018']]],
  [
    'two phones separated by a slash',
    '+1 202-555-0143/+1 202-555-0144',
    [
      ['PHONE', '+1 202-555-0143'],
      ['PHONE', '+1 202-555-0144'],
    ],
  ],
  ['phone with x extension', 'call +1 202-555-0143x12', [['PHONE', '+1 202-555-0143x12']]],
  ['phone with ext. extension', 'call +1 202-555-0143 ext. 12', [['PHONE', '+1 202-555-0143 ext. 12']]],
  ['Dutch mobile', 'bel me op 06-12345678', [['PHONE', '06-12345678']]],
  ['French dotted number', 'Tél : 04.10.83.09.41', [['PHONE', '04.10.83.09.41']]],
  ['Spanish mobile after a phone word', 'Teléfono: 612345678', [['PHONE', '612345678']]],
  ['German landline after Telefon', 'Telefon: 030 12345678', [['PHONE', '030 12345678']]],
  ['Turkish mobile after Cep no', 'Cep no: 0532 123 45 67', [['PHONE', '0532 123 45 67']]],
  ['Philippine mobile after Telepono', 'Telepono: 0917 123 4567', [['PHONE', '0917 123 4567']]],
  ['Japanese number after 電話', '電話: 03-1234-5678', [['PHONE', '03-1234-5678']]],
  ['Chinese number after 电话', '电话：010-1234-5678', [['PHONE', '010-1234-5678']]],
  ['Korean number after 전화', '전화 02-312-3456', [['PHONE', '02-312-3456']]],
  ['Russian number after тел.', 'тел.: 8 (495) 123-45-67', [['PHONE', '8 (495) 123-45-67']]],
  ['Finnish mobile after Puh.', 'Puh. 040 1234567', [['PHONE', '040 1234567']]],
  ['Brazilian mobile after "celular é"', 'Meu celular é (11) 91234-5678', [['PHONE', '(11) 91234-5678']]],
  [
    'phone word earlier in the sentence',
    'Tu móvil de empresa será el 612 45 78 90.',
    [['PHONE', '612 45 78 90']],
  ],
  ['kind of line after the number', 'o: 614-555-0122 (work)', [['PHONE', '614-555-0122']]],
  [
    'two numbers separated by a spaced slash',
    'Phone: 614-555-0178 (cell) / 614-555-0122 (work)',
    [
      ['PHONE', '614-555-0178'],
      ['PHONE', '614-555-0122'],
    ],
  ],
  [
    'two national numbers separated by a spaced dash',
    'Zentrale 020 7946 0958 - 020 7946 0959',
    [
      ['PHONE', '020 7946 0958'],
      ['PHONE', '020 7946 0959'],
    ],
  ],
  ['label does not reach across another number', 'my NHS number is 485 777 3456', []],
  ['baggage tag number', 'Baggage tag 0220 123456', []],
];

const emails: Row[] = [
  [
    'percent-encoded in a query string',
    'GET /unsubscribe?email=jane.doe%40example.com&x=1',
    [['EMAIL', 'jane.doe%40example.com']],
  ],
  ['internationalised domain', 'schreib an anna@bücher.example', [['EMAIL', 'anna@bücher.example']]],
  ['punycode domain', 'user@xn--80ak6aa92e.com', [['EMAIL', 'user@xn--80ak6aa92e.com']]],
  ['punycode top-level domain', 'a@xn--d1acufc.xn--p1ai', [['EMAIL', 'a@xn--d1acufc.xn--p1ai']]],
  ['spelled out with (a) and (.)', 'name (a) domain (.) de', [['EMAIL', 'name (a) domain (.) de']]],
  [
    'spelled out in German',
    'max.mustermann at firma punkt de',
    [['EMAIL', 'max.mustermann at firma punkt de']],
  ],
  ['spelled out in French', 'marie arobase exemple point fr', [['EMAIL', 'marie arobase exemple point fr']]],
];

const ips: Row[] = [
  ['defanged IPv4', 'C2 at 185[.]44.12[.]9', [['IP_ADDRESS', '185[.]44.12[.]9']]],
  ['IPv4 in a defanged URL', 'hxxp://185.44.12.9/payload', [['IP_ADDRESS', '185.44.12.9']]],
  [
    'host address with a prefix length',
    'inet 10.20.30.40/16 brd 10.20.255.255',
    [['IP_ADDRESS', '10.20.30.40/16']],
  ],
  ['short link-local IPv6', 'gateway fe80::2', [['IP_ADDRESS', 'fe80::2']]],
  ['link-local IPv6 with zone', 'via fe80::2%wlan0', [['IP_ADDRESS', 'fe80::2%wlan0']]],
  ['IPv6 site prefix', 'delegated 2001:db8:abcd::/48', [['IP_ADDRESS', '2001:db8:abcd::/48']]],
];

const idsAndKeys: Row[] = [
  ['lower-case DNI letter', 'dni 12345678z', [['ES_DNI', '12345678z']]],
  ['lower-case NIE', 'nie x1234567l', [['ES_DNI', 'x1234567l']]],
  ['lower-case NINO', 'ni number ab123456c', [['UK_NINO', 'ab123456c']]],
  ['lower-case NINO with spaces', 'nino: jg 10 37 42 a', [['UK_NINO', 'jg 10 37 42 a']]],
  ['mixed-case NINO', 'Jg103742a', []],
  ['DNI without its leading zero after a DNI label', 'DNI: 1111111-G', [['ES_DNI', '1111111-G']]],
  ['seven digits and a letter without a label', 'Pieza 1111111-G', []],
  ['IBAN with dashes', 'IBAN DE89-3704-0044-0532-0130-00', [['IBAN', 'DE89-3704-0044-0532-0130-00']]],
  ['SSN with dots after a label', 'SSN: 536.22.8714', [['US_SSN', '536.22.8714']]],
  ['SSN with spaces after a label', 'social security no. 536 22 8714', [['US_SSN', '536 22 8714']]],
  [
    'opaque bearer token',
    'Authorization: Bearer 2YotnFZFEjr1zCsicMWpAA',
    [['API_KEY', '2YotnFZFEjr1zCsicMWpAA']],
  ],
  [
    'AWS secret access key',
    'AWS_SECRET_ACCESS_KEY=Jx8sK2mQ9pL4vR7tW1zY5bN3cF6hG0dE8aS2uI4o',
    [['API_KEY', 'Jx8sK2mQ9pL4vR7tW1zY5bN3cF6hG0dE8aS2uI4o']],
  ],
  ['YAML api_key', 'api_key: a1b2c3d4e5f6g7h8i9j0', [['API_KEY', 'a1b2c3d4e5f6g7h8i9j0']]],
  [
    'npm token glued to the text before it',
    'envnpm_A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8',
    [['API_KEY', 'npm_A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8']],
  ],
  [
    'GitHub token glued to the text before it',
    'GITHUB_TOKEN:ghp_A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8',
    [['API_KEY', 'ghp_A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8']],
  ],
];

describe.each([
  ['placeholder and documentation secrets', placeholderSecrets],
  ['product and parcel numbers', productAndParcelNumbers],
  ['numbers in arithmetic and code, coordinates, versions, timestamps', arithmeticAndCode],
  ['invalid and sample SSNs', sampleSsns],
  ['cards next to ordinary characters', cardsNextToText],
  ['phones next to punctuation, national formats and labels', phonesNextToPunctuation],
  ['e-mail addresses encoded, internationalised and spelled out', emails],
  ['IP addresses defanged, with prefixes, short IPv6', ips],
  ['ids and keys in other spellings and places', idsAndKeys],
])('%s', (_name, rows) => {
  it.each(rows)('%s', (_case, text, expected) => {
    expect(found(text)).toEqual(expected);
  });
});
