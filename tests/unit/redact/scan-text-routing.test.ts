// The single pass's contract with the detectors (lib/redact/scan-text.ts): which candidate reaches which
// detector. Its findings are tested elsewhere (scan-text-candidates.test.ts); here every detector the pass
// calls is wrapped in a spy that still does the real work, and each test says which detectors a text
// reaches, and where. A pass that handed every position to every detector would find the same values; these
// tests are what holds it to handing over candidates only, and only to detectors whose type is on.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import * as apiKey from '../../../lib/redact/detect-api-key';
import * as card from '../../../lib/redact/detect-credit-card';
import * as deTaxId from '../../../lib/redact/detect-de-tax-id';
import * as email from '../../../lib/redact/detect-email';
import * as dni from '../../../lib/redact/detect-es-dni';
import * as frNir from '../../../lib/redact/detect-fr-nir';
import * as iban from '../../../lib/redact/detect-iban';
import * as ip from '../../../lib/redact/detect-ip-address';
import * as codiceFiscale from '../../../lib/redact/detect-it-codice-fiscale';
import * as phone from '../../../lib/redact/detect-phone';
import * as nino from '../../../lib/redact/detect-uk-nino';
import * as ssn from '../../../lib/redact/detect-us-ssn';
import { scanText } from '../../../lib/redact/scan-text';
import { piiTypes, type PiiType } from '../../../lib/redact/settings';

// Each module's detectors, replaced by spies that call the real function.
function spied<T extends object>(actual: T, names: readonly (keyof T & string)[]): T {
  const copy = Object.assign({}, actual);
  for (const name of names) {
    const real = actual[name] as (...args: unknown[]) => unknown;
    (copy as Record<string, unknown>)[name] = vi.fn((a: unknown, b: unknown, c: unknown) => real(a, b, c));
  }
  return copy;
}

vi.mock('../../../lib/redact/detect-api-key', async (load) =>
  spied(await load<typeof import('../../../lib/redact/detect-api-key')>(), [
    'detectAssignmentAt',
    'detectAuthorizationAt',
    'detectGluedTokenIn',
    'detectKnownTokenAt',
    'detectPrivateKeyAt',
    'detectSecretAfterScheme',
    'detectTelegramTokenAt',
  ]),
);
vi.mock('../../../lib/redact/detect-credit-card', async (load) =>
  spied(await load<typeof import('../../../lib/redact/detect-credit-card')>(), ['detectCardsInChunk']),
);
vi.mock('../../../lib/redact/detect-de-tax-id', async (load) =>
  spied(await load<typeof import('../../../lib/redact/detect-de-tax-id')>(), ['detectDeTaxIdsInChunk']),
);
vi.mock('../../../lib/redact/detect-email', async (load) =>
  spied(await load<typeof import('../../../lib/redact/detect-email')>(), [
    'detectEmailAt',
    'detectSpelledEmailAt',
  ]),
);
vi.mock('../../../lib/redact/detect-es-dni', async (load) =>
  spied(await load<typeof import('../../../lib/redact/detect-es-dni')>(), [
    'detectDnisInChunk',
    'detectNieAt',
  ]),
);
vi.mock('../../../lib/redact/detect-fr-nir', async (load) =>
  spied(await load<typeof import('../../../lib/redact/detect-fr-nir')>(), ['detectFrNirsInChunk']),
);
vi.mock('../../../lib/redact/detect-iban', async (load) =>
  spied(await load<typeof import('../../../lib/redact/detect-iban')>(), ['detectIbanAt']),
);
vi.mock('../../../lib/redact/detect-ip-address', async (load) =>
  spied(await load<typeof import('../../../lib/redact/detect-ip-address')>(), [
    'detectIpv4InChunk',
    'detectIpv6At',
  ]),
);
vi.mock('../../../lib/redact/detect-it-codice-fiscale', async (load) =>
  spied(await load<typeof import('../../../lib/redact/detect-it-codice-fiscale')>(), [
    'detectCodiceFiscaleAt',
  ]),
);
vi.mock('../../../lib/redact/detect-phone', async (load) =>
  spied(await load<typeof import('../../../lib/redact/detect-phone')>(), ['detectPhonesInChunks']),
);
vi.mock('../../../lib/redact/detect-uk-nino', async (load) =>
  spied(await load<typeof import('../../../lib/redact/detect-uk-nino')>(), ['detectNinoAt']),
);
vi.mock('../../../lib/redact/detect-us-ssn', async (load) =>
  spied(await load<typeof import('../../../lib/redact/detect-us-ssn')>(), [
    'detectSsnAfterWord',
    'detectSsnsInChunk',
  ]),
);

// Which detectors belong to which type.
const detectorsOf: Record<Exclude<PiiType, 'CUSTOM'>, Record<string, unknown>> = {
  EMAIL: { detectEmailAt: email.detectEmailAt, detectSpelledEmailAt: email.detectSpelledEmailAt },
  PHONE: { detectPhonesInChunks: phone.detectPhonesInChunks },
  CREDIT_CARD: { detectCardsInChunk: card.detectCardsInChunk },
  IBAN: { detectIbanAt: iban.detectIbanAt },
  US_SSN: { detectSsnsInChunk: ssn.detectSsnsInChunk, detectSsnAfterWord: ssn.detectSsnAfterWord },
  IP_ADDRESS: { detectIpv4InChunk: ip.detectIpv4InChunk, detectIpv6At: ip.detectIpv6At },
  API_KEY: {
    detectAssignmentAt: apiKey.detectAssignmentAt,
    detectAuthorizationAt: apiKey.detectAuthorizationAt,
    detectGluedTokenIn: apiKey.detectGluedTokenIn,
    detectKnownTokenAt: apiKey.detectKnownTokenAt,
    detectPrivateKeyAt: apiKey.detectPrivateKeyAt,
    detectSecretAfterScheme: apiKey.detectSecretAfterScheme,
    detectTelegramTokenAt: apiKey.detectTelegramTokenAt,
  },
  UK_NINO: { detectNinoAt: nino.detectNinoAt },
  DE_TAX_ID: { detectDeTaxIdsInChunk: deTaxId.detectDeTaxIdsInChunk },
  FR_NIR: { detectFrNirsInChunk: frNir.detectFrNirsInChunk },
  IT_CODICE_FISCALE: { detectCodiceFiscaleAt: codiceFiscale.detectCodiceFiscaleAt },
  ES_DNI: { detectDnisInChunk: dni.detectDnisInChunk, detectNieAt: dni.detectNieAt },
};
const builtInTypes = Object.keys(detectorsOf) as Exclude<PiiType, 'CUSTOM'>[];
const allDetectors = Object.assign({}, ...Object.values(detectorsOf)) as Record<
  string,
  ReturnType<typeof vi.fn>
>;

beforeEach(() => {
  for (const spy of Object.values(allDetectors)) spy.mockClear();
});

/** Names of the detectors `text` reaches, sorted, each once. */
function reached(text: string, types: readonly PiiType[] = piiTypes): string[] {
  for (const spy of Object.values(allDetectors)) spy.mockClear();
  scanText(text, new Set(types));
  return Object.entries(allDetectors)
    .filter(([, spy]) => spy.mock.calls.length > 0)
    .map(([name]) => name)
    .sort();
}

/** The offsets (second argument) a detector was called with. */
function offsets(name: string): number[] {
  return allDetectors[name]!.mock.calls.map((call) => call[1] as number);
}

// One candidate of every kind the pass recognises.
const everything = [
  'mail anna@example.de or jane at example dot com, [at] too',
  'Tel. +44 20 7946 0018, card 4111 1111 1111 1111, IBAN DE89370400440532013000',
  'SSN 536-22-8714, host 10.20.30.40 and fe80::2',
  'key ghp_A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8 loadenvnpm_A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8',
  'Authorization: Bearer abcdef, API_KEY=zq8Xr2Lm9Vt4, https://user:s3cretPass@host.example',
  'bot 123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw7',
  '-----BEGIN PRIVATE KEY-----',
  'NINO AB123456C, Steuer-ID 86 095 742 719, NIR 184127511234593, CF RSSMRA85T10A562S',
  'DNI 12345678Z, NIE X1234567L',
].join('\n');

describe('every detector is reached, and only those whose type is on', () => {
  it('with every type on, a text holding one candidate of each kind reaches every detector', () => {
    expect(reached(everything)).toEqual(Object.keys(allDetectors).sort());
  });

  it.each(builtInTypes)('%s off: none of its detectors is reached', (type) => {
    const others = builtInTypes.filter((t) => t !== type);
    const reachedNames = reached(everything, others);
    const own = Object.keys(detectorsOf[type]).filter((name) => !others.some((t) => name in detectorsOf[t]));
    for (const name of own) expect(reachedNames).not.toContain(name);
    // Everything else is still reached.
    const rest = others.flatMap((t) => Object.keys(detectorsOf[t]));
    expect(reachedNames).toEqual([...new Set(rest)].sort());
  });

  it.each(builtInTypes)('%s alone: only its detectors are reached', (type) => {
    expect(reached(everything, [type])).toEqual(Object.keys(detectorsOf[type]).sort());
  });

  it('no type on (only custom patterns): no detector is reached', () => {
    expect(reached(everything, ['CUSTOM'])).toEqual([]);
  });
});

describe('ordinary text reaches no detector', () => {
  it.each([
    ['prose', 'Hello there, the meeting moved to the big room on floor three. Bring notes!'],
    ['letters beyond ASCII before a space or an "a"', 'café au lait, b\u0080 c, naïve aa'],
    ['short numbers: dates, amounts, counts', 'On the 5th in room 123, 3 of the 12 paid 9.99 and 1.5 more'],
    ['punctuation that starts nothing', 'a, b; c! d? e. f/g h* i# j% k& l~ m"n\'o )p ]q }r >s'],
  ])('%s', (_name, text) => {
    expect(reached(text)).toEqual([]);
  });
});

describe('numbers: how many digits reach which detectors', () => {
  const chunkDetectors = [
    'detectCardsInChunk',
    'detectDeTaxIdsInChunk',
    'detectDnisInChunk',
    'detectFrNirsInChunk',
    'detectIpv4InChunk',
    'detectSsnsInChunk',
  ];

  it('three digits reach nothing', () => {
    expect(reached('room 123 and 1 2 3')).toEqual([]);
  });

  it('four to six digits reach the chunk detectors, not the phone detector', () => {
    expect(reached('room 1234')).toEqual(chunkDetectors);
    expect(reached('code 123 456')).toEqual(chunkDetectors);
  });

  it('seven digits reach the phone detector too', () => {
    expect(reached('call 555 018')).toEqual(chunkDetectors);
    expect(reached('call 555 0187')).toEqual([...chunkDetectors, 'detectPhonesInChunks'].sort());
  });

  it('a chunk is handed over once, from its first character', () => {
    reached('x 4111 1111 1111 1111 y 1234-5678');
    expect(offsets('detectCardsInChunk')).toHaveLength(2);
  });

  it("'+' and '(' start a number; a '(' without digits starts nothing", () => {
    expect(reached('+4412')).toEqual(chunkDetectors);
    expect(reached('(0)20 79')).toEqual(chunkDetectors);
    expect(reached('((((((')).toEqual([]);
  });

  it('digits glued to the end of a word are handed over as a number', () => {
    expect(reached('abc1234')).toEqual(chunkDetectors);
  });
});

describe('words: which word starts reach which detector', () => {
  it.each([
    ['a token prefix', 'ghp_A1b2C3d4', ['detectKnownTokenAt']],
    [
      '"Bearer", "Basic" and "token" before a credential',
      'Bearer a Basic b token c',
      ['detectAuthorizationAt'],
    ],
    ['an SSN label', 'ssn', ['detectSsnAfterWord']],
    ['"social"', 'social', ['detectSsnAfterWord']],
    ['"tax"', 'tax', ['detectSsnAfterWord']],
    ['"itin"', 'itin', ['detectSsnAfterWord']],
    ['"ss#"', 'ss#', ['detectSsnAfterWord']],
    ['a spelled "at" between spaces', 'jane at example', ['detectSpelledEmailAt']],
    ['"arroba"', 'ana arroba ejemplo', ['detectSpelledEmailAt']],
    ['"arobase"', 'ana arobase exemple', ['detectSpelledEmailAt']],
    ['"chiocciola"', 'ana chiocciola esempio', ['detectSpelledEmailAt']],
    ['a word starting with x, y or z', 'Xavier yes zebra', ['detectNieAt']],
    // Words that pass the first look (two letters) but are no SSN word: "sn" not after an "s", "s?c" with
    // any letter but "o", "t?x" with any but "a", "?ti" with any but "i".
    ['"sn" after a letter other than s', 'ysnap', ['detectNieAt']],
    ['"sic" (starts like a token)', 'sic', ['detectKnownTokenAt']],
  ])('%s', (_name, text, expected) => {
    expect(reached(text)).toEqual(expected);
  });

  it.each([
    ['words that only look like those', 'Beard tokens basics soap task item attic arrow chic'],
    ['"tox" and "atilt" (a letter off "tax" and "iti")', 'toxic atilt'],
    ['"ss" not followed by "#" or "n"', 'ss ssx'],
    ['"at" glued to what comes before', 'b-at c'],
  ])('%s reach nothing', (_name, text) => {
    expect(reached(text)).toEqual([]);
  });

  it('a word glued to the digits before it starts nothing', () => {
    expect(reached('12ssn 3at')).toEqual([]);
  });

  it('each credential word is handed over at its start', () => {
    reached('Bearer a and token b');
    expect(offsets('detectAuthorizationAt')).toEqual([0, 13]);
  });

  it('a spelled "at" is handed over from the space before it', () => {
    reached('jane at example');
    expect(offsets('detectSpelledEmailAt')).toEqual([4]);
  });

  it('a word of 20 or more characters is searched for a glued token; a shorter one is not', () => {
    expect(reached('abcdefghijklmnopqrst')).toEqual(['detectGluedTokenIn']);
    expect(reached('abcdefghijklmnopqrs')).toEqual([]);
  });
});

describe('runs of letters and digits: IBAN, NINO, codice fiscale', () => {
  it.each([
    ['two letters then two digits', 'DE89370400440532013000', ['detectIbanAt', 'detectNinoAt']],
    ['two letters of different case then digits', 'De89370400440532013000', ['detectIbanAt']],
    ['two letters, a space, digits', 'AB 12 34 56 C', ['detectNinoAt']],
    ['two letters then one digit', 'AB1x', ['detectNinoAt']],
    ['sixteen letters and digits', 'RSSMRA85T10A562S', ['detectCodiceFiscaleAt']],
    ['after an underscore', 'x_DE89370400440532013000', ['detectIbanAt', 'detectNinoAt']],
    ['sixteen before an underscore', 'RSSMRA85T10A562S_cf', ['detectCodiceFiscaleAt']],
  ])('%s', (_name, text, expected) => {
    expect(reached(text, ['IBAN', 'UK_NINO', 'IT_CODICE_FISCALE'])).toEqual(expected);
  });

  it.each([
    ['fifteen or seventeen characters', 'RSSMRA85T10A562 RSSMRA85T10A562SX'],
    ['one letter then digits', 'D89370400440532013000'],
    ['three letters then digits', 'DEU89370400440532013000'],
    ['a run glued to a digit before it', '1DE89370400440532013000'],
    ['two letters, a space, a letter', 'AB CD'],
    // After an underscore a run is looked at whatever its length; a NINO still needs a digit third, or a
    // space then a digit.
    ['two capitals, a letter, a digit after an underscore', 'b_ABc1'],
    ['two capitals and letters after an underscore', 'b_ABcd'],
  ])('%s reach nothing', (_name, text) => {
    expect(reached(text, ['IBAN', 'UK_NINO', 'IT_CODICE_FISCALE'])).toEqual([]);
  });
});

describe('punctuation: which characters reach which detector', () => {
  it("'@' reaches the e-mail detector at each '@'", () => {
    expect(reached('a@b c@d', ['EMAIL'])).toEqual(['detectEmailAt']);
    expect(offsets('detectEmailAt')).toEqual([1, 5]);
  });

  it("':' reaches the IPv6 and assignment detectors; '://' the scheme one; ':AA' the Telegram one", () => {
    expect(reached('b: c')).toEqual(['detectAssignmentAt', 'detectIpv6At']);
    expect(reached('b:/c')).toEqual(['detectAssignmentAt', 'detectIpv6At']);
    expect(reached('b://c')).toEqual(['detectAssignmentAt', 'detectIpv6At', 'detectSecretAfterScheme']);
    expect(reached('b:AAc')).toEqual(['detectAssignmentAt', 'detectIpv6At', 'detectTelegramTokenAt']);
    expect(reached('b:Aq')).toEqual(['detectAssignmentAt', 'detectIpv6At']);
    expect(reached('b:qA')).toEqual(['detectAssignmentAt', 'detectIpv6At']);
  });

  it("'=' reaches the assignment detector", () => {
    expect(reached('b = c')).toEqual(['detectAssignmentAt']);
    expect(offsets('detectAssignmentAt')).toEqual([2]);
  });

  it("'-----BEGIN' reaches the private-key detector; other dashes nothing", () => {
    expect(reached('-----BEGIN')).toEqual(['detectPrivateKeyAt']);
    expect(reached('----- BEGIN -- b - c')).toEqual([]);
  });

  it("'[', '{', '<' or '(' before 'a' or a space reach the spelled-e-mail detector", () => {
    for (const open of ['[', '{', '<', '(']) {
      expect(reached(`x ${open}at] y`, ['EMAIL'])).toEqual(['detectSpelledEmailAt']);
      expect(reached(`x ${open}At] y`, ['EMAIL'])).toEqual(['detectSpelledEmailAt']);
      expect(reached(`x ${open} at ] y`, ['EMAIL'])).toEqual(['detectSpelledEmailAt']);
      expect(reached(`x ${open}b] y`, ['EMAIL'])).toEqual([]);
    }
  });
});
