// Secrets: cloud and SaaS tokens with a known format, JWTs, private-key blocks, passwords in connection
// strings and in `password=...` style assignments. All are reported as API_KEY.
import { isDigitCode, isWordCharCode } from './detection';
import { isPlaceholderSecret } from './placeholder-secret';
import type { Scan } from './scan';

// Token formats whose prefix makes them unambiguous, in one alternation grouped by first character, tried
// where a word starts with one of the prefixes (tokenPrefixAt). No two branches can match at the same
// position, except OpenAI's "sk-" after Anthropic's more specific "sk-ant-".
const knownTokens = new RegExp(
  '(?:' +
    [
      // AWS access key id, Google API key, Azure storage connection string, Atlassian API token
      'A(?:(?:KIA|SIA|BIA|CCA)[0-9A-Z]{16}\\b|Iza[0-9A-Za-z_-]{35}|ccountKey=[A-Za-z0-9+/]{80,}={0,2}|TATT[A-Za-z0-9_=-]{40,})',
      // GitHub tokens, GitHub fine-grained PAT, GitLab PAT
      'g(?:h[pousr]_[A-Za-z0-9]{36,255}\\b|ithub_pat_[A-Za-z0-9_]{50,255}\\b|lpat-[A-Za-z0-9_-]{20,})',
      'xox[abposr]-[A-Za-z0-9-]{10,}', // Slack tokens
      '[sr]k_(?:live|test)_[A-Za-z0-9]{16,}', // Stripe secret / restricted keys
      'whsec_[A-Za-z0-9]{24,}', // Stripe webhook secret
      'ya29\\.[0-9A-Za-z_-]{20,}', // Google OAuth access token
      // Anthropic, OpenAI, Shopify, Azure SAS signature, Square
      's(?:k-(?:ant-[A-Za-z0-9]{2,8}\\d{2}-[A-Za-z0-9_-]{40,}|(?:proj-|svcacct-|admin-|None-)?[A-Za-z0-9_-]{20,})' +
        '|hp(?:at|ca|pa|ss)_[a-fA-F0-9]{32}\\b|ig=[A-Za-z0-9%+/]{40,}={0,2}|q0(?:atp|csp)-[A-Za-z0-9_-]{22,})',
      'S(?:G\\.[A-Za-z0-9_-]{22}\\.[A-Za-z0-9_-]{43}|K[0-9a-f]{32}\\b)', // SendGrid, Twilio API key
      'npm_[A-Za-z0-9]{36}\\b', // npm
      'pypi-AgEIcHlwaS5vcmc[A-Za-z0-9_-]{50,}', // PyPI
      'h(?:f_[A-Za-z0-9]{34,}\\b|vs\\.[A-Za-z0-9_-]{24,})', // Hugging Face, HashiCorp Vault token
      'd(?:op_v1_[a-f0-9]{64}\\b|api[a-f0-9]{32}\\b)', // DigitalOcean, Databricks
      'key-[0-9a-f]{32}\\b', // Mailgun
      'GOCSPX-[A-Za-z0-9_-]{28}', // Google OAuth client secret
      'PMAK-[a-f0-9]{24}-[a-f0-9]{34}\\b', // Postman
      'lin_api_[A-Za-z0-9]{40}\\b', // Linear
      'eyJ[A-Za-z0-9_-]{8,}\\.eyJ[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]{16,}', // JWT
    ].join('|') +
    ')',
  'y',
);
// Slack and Discord webhooks, tried at each "https://".
const webhook =
  /https:\/\/(?:hooks\.slack\.com\/services\/[A-Za-z0-9\/_-]{20,}|(?:ptb\.|canary\.)?discord(?:app)?\.com\/api\/webhooks\/\d+\/[A-Za-z0-9_-]{40,})/y;

// The literal start of each known token format, by first character, and its first two characters as a
// table the scan can test every word against. Both are indexed by the low 7 bits of a character: a
// non-ASCII character shares a slot with an ASCII one, which costs a look at the prefixes and nothing more.
const tokenPrefixes: string[][] = Array.from({ length: 128 }, () => []);
const tokenPairs = new Uint8Array(128 * 128);
for (const prefix of [
  'AKIA',
  'ASIA',
  'ABIA',
  'ACCA',
  'AIza',
  'AccountKey=',
  'ATATT',
  'ghp_',
  'gho_',
  'ghu_',
  'ghs_',
  'ghr_',
  'github_pat_',
  'glpat-',
  'xoxa-',
  'xoxb-',
  'xoxp-',
  'xoxo-',
  'xoxs-',
  'xoxr-',
  'sk_live_',
  'sk_test_',
  'rk_live_',
  'rk_test_',
  'whsec_',
  'ya29.',
  'sk-',
  'shpat_',
  'shpca_',
  'shppa_',
  'shpss_',
  'sig=',
  'sq0atp-',
  'sq0csp-',
  'SG.',
  'SK',
  'npm_',
  'pypi-AgEIcHlwaS5vcmc',
  'hf_',
  'hvs.',
  'dop_v1_',
  'dapi',
  'key-',
  'GOCSPX-',
  'PMAK-',
  'lin_api_',
  'eyJ',
]) {
  tokenPrefixes[prefix.charCodeAt(0)]!.push(prefix);
  tokenPairs[(prefix.charCodeAt(0) << 7) | prefix.charCodeAt(1)] = 1;
}

/** Whether a word starting with these two characters may start a known token format. */
export function mayStartToken(first: number, second: number): boolean {
  return tokenPairs[((first & 127) << 7) | (second & 127)] === 1;
}

/** The length of the known token format's prefix that starts at `start`, or 0. */
function tokenPrefixAt(text: string, start: number): number {
  for (const prefix of tokenPrefixes[text.charCodeAt(start) & 127]!) {
    if (text.startsWith(prefix, start)) return prefix.length;
  }
  return 0;
}

// Prefixes distinctive enough to be recognised inside a longer word, where a copy-paste lost the separator
// before the token ("envnpm_...", "keyAKIA..."): each has an underscore or a fixed capitalisation.
const gluedPrefix =
  /AKIA|ASIA|AIza|gh[pousr]_|github_pat_|[sr]k_(?:live|test)_|whsec_|shp(?:at|ca|pa|ss)_|npm_|hf_|dop_v1_|lin_api_/g;

// Telegram bot tokens ("123456789:AA...") start with digits; they are found from their ":AA".
const telegramToken = /\d{8,10}:AA[A-Za-z0-9_-]{33}(?![A-Za-z0-9_-])/y;

const privateKeyBlock =
  /-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----(?:[\s\S]{0,16384}?-----END (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----|(?:\s*[A-Za-z0-9+/=:,-]+)*)/y;

// scheme://user:password@host -> the password part. Matched from each "://" found by indexOf.
const credentialsAfterScheme = /[^\s:/@'"]{0,128}:([^\s@/'"]{1,256})@[\w.-]/y;

// Authorization headers carry bearer tokens and base64 user:password pairs.
const authorizationHeader = /(?:Bearer|Basic|Token)\s+([A-Za-z0-9._~+/-]{16,}=*)/iy;

// key = "value" assignments where the key names a secret (config files, .env, code, YAML, JSON): found from
// the separator, looking back for the key (which ends the text before it) and forward for the value.
const secretKey =
  /(?:pass(?:word|wd)?|pwd|secret|api[_-]?key|apikey|access[_-]?key|access[_-]?token|auth[_-]?token|refresh[_-]?token|client[_-]?secret|secret[_-]?key|private[_-]?key|token|credentials?)$/i;
const secretValue =
  /(?:[:=]|=>|:=)[ \t]*(?:"([^"\n]{6,200})"|'([^'\n]{6,200})'|([^\s"'`,;&<>(){}[\]]{6,200}))/y;
// Every key above ends in one of these pairs of letters (passwoRD, passWD, pwD, paSS, secrET, kEY, tokEN,
// credentiAL, credentiALS), as a table indexed by the low 7 bits of the two characters in lower case.
const keyEndPairs = new Uint8Array(128 * 128);
for (const ending of ['rd', 'wd', 'ss', 'et', 'ey', 'en', 'al', 'ls']) {
  keyEndPairs[(ending.charCodeAt(0) << 7) | ending.charCodeAt(1)] = 1;
}

/** A cheap first look: whether the text before `keyEnd` may end a key that names a secret. */
function mayEndSecretKey(text: string, keyEnd: number): boolean {
  const a = (text.charCodeAt(keyEnd - 2) | 32) & 127;
  const b = (text.charCodeAt(keyEnd - 1) | 32) & 127;
  return keyEndPairs[(a << 7) | b] === 1;
}
// Placeholders and references are not secrets.
const notASecret =
  /^(?:\$\{?|%|\{\{|process\.env|os\.environ|env\(|getenv|config\.|settings\.|self\.|this\.|null$|none$|nil$|true$|false$|undefined$|string$|required$|optional$|x{4,}|\*{3,}|<|\.{0,2}\/|https?:|0x[0-9a-f]+$|\d+$|changeme$|password$|secret$|guest$|admin$|root$|postgres$|test$|your[_-]|example|redacted|dummy|placeholder|todo)/i;

// Code assigns identifiers, type names and calls (`token = getToken()`, `credentials: RequestCredentials`),
// which have no digits or symbols; secrets do, or are long runs of randomly mixed case.
function looksRandomEnough(value: string): boolean {
  const hasDigit = /\d/.test(value);
  const hasLetter = /[A-Za-z]/.test(value);
  if (value.length < 8) return hasDigit && hasLetter;
  if (/^[A-Za-z_][A-Za-z_.]*$/.test(value)) {
    const upper = value.replace(/[^A-Z]/g, '').length / value.length;
    return value.length >= 20 && upper > 0.3 && upper < 0.7;
  }
  // Dotted paths with digits ("re2.onepass", "v1.config") are member accesses, not secrets.
  if (/^[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)+$/.test(value)) return false;
  return hasLetter && (hasDigit || /[^A-Za-z0-9_.-]/.test(value));
}

// "onepass = ..." or "bypass: ..." end in a secret word but are not about secrets. A keyword glued to a
// lower-case letter only counts when it starts a camelCase part ("dbPassword").
// (At the start of the text, `charCodeAt(-1)` is NaN: not glued.)
function keywordStartsWord(text: string, index: number): boolean {
  const before = text.charCodeAt(index - 1);
  const gluedToLower = before >= 97 && before <= 122;
  // Every key starts with a letter, so a code below 91 is a capital.
  return !gluedToLower || text.charCodeAt(index) <= 90;
}

// A JWT's header is JSON naming its algorithm; random "eyJ..." base64 blobs are not. The token pattern allows
// only base64url characters, so decoding fails only on a length no base64 text has (one more than a multiple
// of 4); atob needs no '=' padding.
function isJwtHeader(token: string): boolean {
  const segment = token.slice(0, token.indexOf('.'));
  if (segment.length % 4 === 1) return false;
  return /"(?:alg|typ|kid)"/.test(atob(segment.replace(/-/g, '+').replace(/_/g, '/')));
}

/**
 * A known token format at `start`, where a word starts (or, `glued`, inside a word). Every branch of the
 * token pattern starts with one of the prefixes, so the pattern fails where no prefix starts.
 */
export function detectKnownTokenAt(scan: Scan, start: number, glued = false): void {
  if (start < scan.tokenNext) return;
  knownTokens.lastIndex = start;
  const m = knownTokens.exec(scan.text);
  if (!m) return;
  const token = m[0];
  scan.tokenNext = start + token.length;
  if (token.startsWith('eyJ') && !isJwtHeader(token)) return;
  // A token glued to a word must still end where the word does.
  if (glued && isWordCharCode(scan.text.charCodeAt(scan.tokenNext))) return;
  if (isPlaceholderSecret(token, tokenPrefixAt(scan.text, start))) return;
  scan.push('API_KEY', start, scan.tokenNext);
}

/**
 * Known tokens glued to the text before them, inside the long word [start, end). Prefixes inside a token
 * already found are skipped (`tokenNext`).
 */
export function detectGluedTokenIn(scan: Scan, start: number, end: number): void {
  const word = scan.text.slice(start + 1, end);
  gluedPrefix.lastIndex = 0;
  for (let m = gluedPrefix.exec(word); m; m = gluedPrefix.exec(word)) {
    detectKnownTokenAt(scan, start + 1 + m.index, true);
  }
}

/** At "://": a Slack or Discord webhook, or the password of `scheme://user:password@host`. */
export function detectSecretAfterScheme(scan: Scan, colon: number): void {
  const text = scan.text;
  // The webhook pattern starts with "https" five characters before the colon (none before the text starts).
  if (colon - 5 >= scan.tokenNext) {
    webhook.lastIndex = colon - 5;
    const m = webhook.exec(text);
    if (m) {
      scan.tokenNext = colon - 5 + m[0].length;
      // Judge the part after "/services/" or "/webhooks/": "T00000000/B00000000/XXXXXXXX" is a template.
      if (!isPlaceholderSecret(m[0], m[0].indexOf('s/', 30) + 2))
        scan.push('API_KEY', colon - 5, scan.tokenNext);
    }
  }
  credentialsAfterScheme.lastIndex = colon + 3;
  const m = credentialsAfterScheme.exec(text);
  if (!m || notASecret.test(m[1]!)) return;
  const end = credentialsAfterScheme.lastIndex - 2;
  scan.push('API_KEY', end - m[1]!.length, end);
}

/** A Telegram bot token ending in the ":AA..." at `colon`. */
export function detectTelegramTokenAt(scan: Scan, colon: number): void {
  const text = scan.text;
  // Back over the digits: more than the pattern's 10 fail it, as does a word character before them.
  let start = colon;
  while (isDigitCode(text.charCodeAt(start - 1))) start--;
  if (start > 0 && /\w/.test(text[start - 1]!)) return;
  telegramToken.lastIndex = start;
  if (telegramToken.test(text) && !isPlaceholderSecret(text.slice(colon + 1, telegramToken.lastIndex))) {
    scan.push('API_KEY', start, telegramToken.lastIndex);
  }
}

/** A private-key block whose "-----BEGIN" starts at `start`. */
export function detectPrivateKeyAt(scan: Scan, start: number): void {
  if (start < scan.privateKeyNext) return;
  privateKeyBlock.lastIndex = start;
  const m = privateKeyBlock.exec(scan.text);
  if (!m) return;
  scan.privateKeyNext = start + m[0].length;
  scan.push('API_KEY', start, start + m[0].trimEnd().length);
}

/** A token after "Bearer", "Basic" or "Token", the word starting at `start`. */
export function detectAuthorizationAt(scan: Scan, start: number): void {
  if (start < scan.authorizationNext) return;
  authorizationHeader.lastIndex = start;
  const m = authorizationHeader.exec(scan.text);
  if (!m) return;
  scan.authorizationNext = start + m[0].length;
  const token = m[1]!;
  if (!looksRandomEnough(token) || isPlaceholderSecret(token)) return;
  scan.push('API_KEY', scan.authorizationNext - token.length, scan.authorizationNext);
}

/** A secret assigned with the ':' or '=' at `separator` to a key that names a secret. */
export function detectAssignmentAt(scan: Scan, separator: number): void {
  const text = scan.text;
  // Back over the spaces and the optional closing quote between the key and the separator.
  let keyEnd = separator;
  // (Before the text starts, charCodeAt gives NaN and indexing undefined: neither is a space or a quote.)
  while (text.charCodeAt(keyEnd - 1) === 32 || text.charCodeAt(keyEnd - 1) === 9) keyEnd--;
  if (text[keyEnd - 1] === '"' || text[keyEnd - 1] === "'") keyEnd--;
  if (!mayEndSecretKey(text, keyEnd)) return;
  const key = secretKey.exec(text.slice(Math.max(scan.assignmentNext, keyEnd - 24), keyEnd));
  if (!key) return;
  const keyStart = keyEnd - key[0].length;
  secretValue.lastIndex = separator;
  const m = secretValue.exec(text);
  if (!m) return;
  scan.assignmentNext = secretValue.lastIndex;
  // Quoted values run to the closing quote (passwords may contain '&' or ';'); bare ones stop at
  // separators such as '&' in a query string.
  const quoted = m[3] === undefined;
  const value = m[1] ?? m[2] ?? m[3]!;
  if (notASecret.test(value) || !looksRandomEnough(value) || /\s/.test(value)) return; // prose, not a key
  // Keys and tokens (long values) must look random; short ones are passwords, judged by the rules above.
  if (value.length >= 16 && isPlaceholderSecret(value)) return;
  if (!quoted && text[secretValue.lastIndex] === '(') return; // a function call, not a literal
  if (!keywordStartsWord(text, keyStart)) return;
  const start = secretValue.lastIndex - value.length - (quoted ? 1 : 0);
  scan.push('API_KEY', start, start + value.length);
}
