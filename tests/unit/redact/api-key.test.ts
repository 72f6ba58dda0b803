// The API-key detector's judgement of an assigned value (`password = ...`): short passwords need a digit
// and a letter; names made of letters only count when long and of mixed case; dotted member paths and
// values without a letter, digit or symbol are code, not secrets.
import { describe, expect, it } from 'vitest';
import { mayStartToken } from '../../../lib/redact/detect-api-key';
import { findPii } from '../../../lib/redact/redact';

/** The secrets found in `text`; a finding of another type would show as "TYPE:value". */
function keys(text: string): string[] {
  return findPii(text, { types: ['API_KEY'] }).map((f) =>
    f.type === 'API_KEY' ? text.slice(f.start, f.end) : `${f.type}:${text.slice(f.start, f.end)}`,
  );
}

const rows: [name: string, value: string, secret: boolean][] = [
  ['a short value with a letter and a digit', 'a1b2c3', true],
  ['a short value with a symbol but no digit', 'ab!cd', false],
  ['six characters with a symbol but no digit', 'abc!de', false],
  ['six characters, dotted, with digits: a short password, not a path', 'x9.k2m', true],
  ['a dotted path after a symbol', '!9ab.cdefg', true],
  ['a dotted path followed by a symbol', 'cfg.v2db!x', true],
  ['a short value of digits and a symbol', '12!34', false],
  ['eight characters with a symbol and no digit', 'abcd!efg', true],
  ['22 letters, half of them capitals', 'xKqWmZpLrTvBnHyGdFsJcE', true],
  ['20 letters, half of them capitals', 'xKqWmZpLrTvBnHyGdFsJ', true],
  ['19 letters, half of them capitals', 'xKqWmZpLrTvBnHyGdFs', false],
  ['20 letters, 30% capitals', 'wKqxmZprLtvBnHyqdfsJ', false],
  ['20 letters, 70% capitals', 'WKqXmZPRLtVBnHyQDFsJ', false],
  ['22 letters, no capitals', 'wkqxmzprltvbnhyqdfsjce', false],
  ['22 letters, all capitals', 'WKQXMZPRLTVBNHYQDFSJCE', false],
  ['a dotted member path with digits', 're2.onepass', false],
  ['a dotted path of three parts', 'cfg1.db.host2', false],
  ['letters and hyphens only', 'abc-defgh', false],
  ['digits and hyphens only', '12-34-56-78', false],
];

describe('values assigned to a secret key', () => {
  it.each(rows)('%s', (_name, value, secret) => {
    expect(keys(`password = ${value}`)).toEqual(secret ? [value] : []);
  });
});

// Which key names an assignment counts, and where the key word must start. Each key the detector knows
// ends in one of a few letters; upper-case keys and quoted JSON/YAML keys count as well.
const assignments: [name: string, text: string, expected: string[]][] = [
  ['a tab before "="', 'password\t= Secr3t99', ['Secr3t99']],
  ['a JSON key in double quotes', '"password": "Secr3t99"', ['Secr3t99']],
  ['a key in single quotes', "'password': 'Secr3t99'", ['Secr3t99']],
  ['an upper-case environment variable', 'DB_PASSWORD=Secr3t99', ['Secr3t99']],
  ['pass', 'pass=Secr3t99', ['Secr3t99']],
  ['passwd', 'passwd=Secr3t99', ['Secr3t99']],
  ['pwd', 'pwd=Secr3t99', ['Secr3t99']],
  ['secret', 'secret=Secr3t99', ['Secr3t99']],
  ['api_key', 'api_key=Secr3t99', ['Secr3t99']],
  ['token', 'token=Secr3t99', ['Secr3t99']],
  ['credential', 'credential=Secr3t99', ['Secr3t99']],
  ['credentials', 'credentials=Secr3t99', ['Secr3t99']],
  ['a key word glued to a lower-case letter', 'onepass = Abc12345', []],
  ['a key word glued to "a"', 'apassword: Xy9zQ2vL', []],
  ['a key word glued to "z"', 'zpassword: Xy9zQ2vL', []],
  ['a key word after "{"', '{password: Xy9zQ2vL', ['Xy9zQ2vL']],
  ['a camelCase key part starting with P', 'dbPassword = Abc12345', ['Abc12345']],
  ['a camelCase key part starting with A', 'myApiKey = Xy9zQ2vL', ['Xy9zQ2vL']],
  ['a function call', 'token = makeT0ken(user)', []],
  ['a quoted value with spaces (prose)', 'password: "correct horse 42"', []],
  [
    '15 characters of few kinds (a password, not judged for randomness)',
    'password=aaaaaaa1bbbbbbb',
    ['aaaaaaa1bbbbbbb'],
  ],
  ['16 characters of few kinds (a placeholder key)', 'password=aaaaaaaa1bbbbbbb', []],
  ['a value that ends like a key: one secret, not two', 'password=Xy9zzSecret: Qw3rty99', ['Xy9zzSecret:']],
];

describe('assignments to a secret key', () => {
  it.each(assignments)('%s', (_name, text, expected) => {
    expect(keys(text)).toEqual(expected);
  });
});

const ghpToken = 'ghp_A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8';
const npmToken = 'npm_A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8';
const telegram = '123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw0';
const slackHook = 'https://hooks.slack.com/services/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';

// A JWT is three base64url parts whose header, decoded, names its algorithm, type or key id.
const payload = 'eyJzdWIiOiIxMjM0NTY3ODkwIn0';
const signature = 'dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U';
const jwt = (header: string) => `${header}.${payload}.${signature}`;

const tokens: [name: string, text: string, expected: string[]][] = [
  ['a GitHub token whose body has five distinct characters', `ghp_${'1a2b3'.repeat(7)}1`, []],
  ['a real-looking key inside a placeholder Slack token', 'xoxb-your-token-AKIAZ3MHQ7VJ2XKD4P5N', []],
  ['a glued Stripe key that runs on into the word', 'xsk_live_51HxYzAbCdEfGhIjKlMnOp_more', []],
  ['two glued tokens in two words', `env${npmToken} ab${ghpToken}`, [npmToken, ghpToken]],
  ['a Slack webhook', `post to ${slackHook}`, [slackHook]],
  [
    'a Slack webhook template whose ids and secret repeat a digit',
    'https://hooks.slack.com/services/T11111111/B22222222/333333333333333333333333',
    [],
  ],
  ['a Telegram token at the start of the text', telegram, [telegram]],
  ['a Telegram token glued to a word', `bot${telegram}`, []],
  [
    'a certificate (public, not a private key)',
    '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----',
    [],
  ],
  // {"alg":"RS256","kid":">?>?~"}: base64url with '-' and '_', unpadded length 3 mod 4
  [
    'a JWT whose header uses the URL-safe characters',
    jwt('eyJhbGciOiJSUzI1NiIsImtpZCI6Ij4_Pj9-In0'),
    [jwt('eyJhbGciOiJSUzI1NiIsImtpZCI6Ij4_Pj9-In0')],
  ],
  // {"cty":"??>>~~","typ":"JWT"}: a '-' and a '_' before the field that makes it a JWT
  [
    'a JWT whose header has URL-safe characters before its type',
    jwt('eyJjdHkiOiI_Pz4-fn4iLCJ0eXAiOiJKV1QifQ'),
    [jwt('eyJjdHkiOiI_Pz4-fn4iLCJ0eXAiOiJKV1QifQ')],
  ],
  ['a JWT whose header names only its key id', jwt('eyJraWQiOiJhMTIifQ'), [jwt('eyJraWQiOiJhMTIifQ')]],
  ['a JWT whose header names only its type', jwt('eyJ0eXAiOiJKV1QxIn0'), [jwt('eyJ0eXAiOiJKV1QxIn0')]],
  ['three base64 parts whose header is other JSON', jwt('eyJmb28iOiJiYXIxMiJ9'), []],
  // 13 characters: no base64 text has a length one more than a multiple of 4, so atob would throw.
  ['three parts whose first cannot be base64', jwt('eyJhbGciOiJIU'), []],
  ['a password in a URL that is a variable', 'postgres://user:${DB_PASSWORD}@db:5432', []],
  ['a default password in a URL', 'https://admin:changeme@host.example', []],
  ['a password in a URL', 'mysql://root:Xk9mQ2vL7pR@db', ['Xk9mQ2vL7pR']],
  [
    'a Discord webhook',
    'https://discord.com/api/webhooks/123456789012345678/AbCdEfGhIjKlMnOpQrStUvWxYz0123456789aBcDeFgHiJ',
    ['https://discord.com/api/webhooks/123456789012345678/AbCdEfGhIjKlMnOpQrStUvWxYz0123456789aBcDeFgHiJ'],
  ],
  [
    'a webhook, then a password in another URL',
    `${slackHook} https://u:Xk9mQ2vL7pR@h`,
    [slackHook, 'Xk9mQ2vL7pR'],
  ],
  [
    'an Authorization "Token" value',
    'Authorization: Token 9f8e7d6c5b4a39281706f5e4',
    ['9f8e7d6c5b4a39281706f5e4'],
  ],
  [
    'a bearer value of mixed-case letters',
    'Authorization: Bearer AbCdEfGhIjKlMnOpQrStUvWx',
    ['AbCdEfGhIjKlMnOpQrStUvWx'],
  ],
  ['a bearer value of one repeated letter', 'Authorization: Bearer xxxxxxxxxxxxxxxxxxxxxxxx1', []],
  ['a lower-case "bearer"', 'bearer 9f8e7d6c5b4a39281706f5e4', ['9f8e7d6c5b4a39281706f5e4']],
  ['a 16-character bearer value', 'Bearer 9f8e7d6c5b4a3928', ['9f8e7d6c5b4a3928']],
  ['a 15-character bearer value', 'Bearer 9f8e7d6c5b4a392', []],
  // The prefix is not judged for randomness: with "sk-" counted as its prefix, this body has 8 characters.
  [
    'an OpenAI key whose body varies only in its first characters',
    'sk-Q7pZ3K1919191919191919',
    ['sk-Q7pZ3K1919191919191919'],
  ],
  [
    'a Stripe key at a word start that runs on into the word',
    'sk_live_51HxYzAbCdEfGhIjKlMnOp_more',
    ['sk_live_51HxYzAbCdEfGhIjKlMnOp'],
  ],
  [
    'a Stripe key, then an npm token glued after it',
    `sk_live_51HxYzAKIAbCdEfGhIjKlMnOp_${npmToken}`,
    ['sk_live_51HxYzAKIAbCdEfGhIjKlMnOp', npmToken],
  ],
  ['a glued prefix without a token, then a glued token', `xnpm_abc_${ghpToken}`, [ghpToken]],
  [
    'a glued Stripe key that runs on, then a glued npm token',
    `xsk_live_51HxYzAbCdEfGhIjKlMnOp_${npmToken}`,
    [npmToken],
  ],
  [
    'a Slack webhook whose ids count up half the time',
    'https://hooks.slack.com/services/T1234567/B2345678/hyrde1crz',
    [],
  ],
  [
    'a Telegram token whose id ends in 0',
    '987654320:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw0',
    ['987654320:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw0'],
  ],
  ['a Telegram token in brackets', `[${telegram}]`, [telegram]],
  ['a Telegram token whose secret has five distinct characters', `123456789:AA${'bdfh'.repeat(8)}b`, []],
  ['a bearer placeholder', 'Authorization: Bearer your-access-token-here', []],
  ['a bearer value of lower-case letters only', 'Authorization: Bearer abcdefghijklmnopqrst', []],
];

describe('token formats, webhooks and headers', () => {
  it.each(tokens)('%s', (_name, text, expected) => {
    expect(keys(text)).toEqual(expected);
  });
});

// The scan asks the token detector only at words whose first two characters start a known format.
describe('which word starts may begin a known token', () => {
  const pair = (word: string) => mayStartToken(word.charCodeAt(0), word.charCodeAt(1));
  it.each(['gh', 'sk', 'AK', 'ey', 'np', 'xo'])('%s may', (word) => {
    expect(pair(word)).toBe(true);
  });
  it.each(['xx', 'gz', 'ab'])('%s may not', (word) => {
    expect(pair(word)).toBe(false);
  });
  // The tables keep the low 7 bits of a character: "rë" shares the slot of "rk" ('ë' is 0xEB, 'k' 0x6B), so
  // the detector then looks for a prefix, finds none, and reports nothing.
  it.each([
    ['rë_live_', 'rk_live_'],
    ['ók-', 'sk-'],
    ['gèp_', 'ghp_'],
  ])('%s is no token, where %s starts one', (lookAlike, prefix) => {
    const body = 'aB3dE5fG7hJ9kL1mN3pQ5rS7tU9vW1xY3zA5';
    expect(keys(`key ${prefix}${body}`)).toEqual([`${prefix}${body}`]);
    expect(keys(`key ${lookAlike}${body}`)).toEqual([]);
  });
});
