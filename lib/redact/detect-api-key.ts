// Secrets: cloud and SaaS tokens with a known format, JWTs, private-key blocks, passwords in connection
// strings and in `password=...` style assignments. All are reported as API_KEY.
import type { Detection } from './detection';

// Token formats whose prefix makes them unambiguous, in one alternation grouped by first character, so at
// each position the engine enters one branch instead of trying every format. No two branches can match at
// the same position, except OpenAI's "sk-" after Anthropic's more specific "sk-ant-".
const knownTokens = new RegExp(
  '\\b(?:' +
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
    // Slack and Discord webhooks
    ')|https://(?:hooks\\.slack\\.com/services/[A-Za-z0-9/_-]{20,}|(?:ptb\\.|canary\\.)?discord(?:app)?\\.com/api/webhooks/\\d+/[A-Za-z0-9_-]{40,})',
  'g',
);

// Telegram bot tokens ("123456789:AA...") start with digits, which would make the alternation above try
// every digit in the text; they are found from their ":AA" instead.
const telegramToken = /\d{8,10}:AA[A-Za-z0-9_-]{33}(?![A-Za-z0-9_-])/y;

const privateKeyBlock =
  /-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----(?:[\s\S]{0,16384}?-----END (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----|(?:\s*[A-Za-z0-9+/=:,-]+)*)/g;

// scheme://user:password@host -> the password part. Matched from each "://" found by indexOf.
const credentialsAfterScheme = /[^\s:/@'"]{0,128}:([^\s@/'"]{1,256})@[\w.-]/y;

// Authorization headers carry bearer tokens and base64 user:password pairs.
const authorizationHeader = /\b(?:Bearer|Basic|Token)\s+([A-Za-z0-9._~+/-]{16,}=*)/gi;

// key = "value" assignments where the key names a secret (config files, .env, code, YAML, JSON).
const secretAssignment =
  /(?:pass(?:word|wd)?|pwd|secret|api[_-]?key|apikey|access[_-]?key|access[_-]?token|auth[_-]?token|refresh[_-]?token|client[_-]?secret|secret[_-]?key|private[_-]?key|token|credentials?)["']?[ \t]*(?:[:=]|=>|:=)[ \t]*(?:"([^"\n]{6,200})"|'([^'\n]{6,200})'|([^\s"'`,;&<>(){}[\]]{6,200}))/gi;
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
function keywordStartsWord(text: string, index: number): boolean {
  if (index === 0) return true;
  const before = text.charCodeAt(index - 1);
  const gluedToLower = before >= 97 && before <= 122;
  const first = text.charCodeAt(index);
  return !gluedToLower || (first >= 65 && first <= 90);
}

function base64UrlDecode(segment: string): string | undefined {
  try {
    const base64 = segment.replace(/-/g, '+').replace(/_/g, '/');
    return atob(base64 + '='.repeat((4 - (base64.length % 4)) % 4));
  } catch {
    return undefined;
  }
}

// A JWT's header is JSON naming its algorithm; random "eyJ..." base64 blobs are not.
function isJwtHeader(token: string): boolean {
  const header = base64UrlDecode(token.slice(0, token.indexOf('.')));
  return header !== undefined && /"(?:alg|typ|kid)"/.test(header);
}

export function detectApiKey(text: string): Detection[] {
  const found: Detection[] = [];
  const push = (start: number, end: number) => found.push({ type: 'API_KEY', start, end });
  knownTokens.lastIndex = 0;
  for (let m = knownTokens.exec(text); m; m = knownTokens.exec(text)) {
    if (m[0].startsWith('eyJ') && !isJwtHeader(m[0])) continue;
    push(m.index, m.index + m[0].length);
  }
  for (let colon = text.indexOf(':AA'); colon !== -1; colon = text.indexOf(':AA', colon + 3)) {
    let start = colon;
    while (
      start > 0 &&
      start > colon - 10 &&
      text.charCodeAt(start - 1) >= 48 &&
      text.charCodeAt(start - 1) <= 57
    )
      start--;
    if (start > 0 && /\w/.test(text[start - 1]!)) continue;
    telegramToken.lastIndex = start;
    if (telegramToken.exec(text)) push(start, telegramToken.lastIndex);
  }
  if (text.indexOf('-----BEGIN') !== -1) {
    privateKeyBlock.lastIndex = 0;
    for (let m = privateKeyBlock.exec(text); m; m = privateKeyBlock.exec(text))
      push(m.index, m.index + m[0].trimEnd().length);
  }
  for (let scheme = text.indexOf('://'); scheme !== -1; scheme = text.indexOf('://', scheme + 3)) {
    credentialsAfterScheme.lastIndex = scheme + 3;
    const m = credentialsAfterScheme.exec(text);
    if (!m || notASecret.test(m[1]!)) continue;
    const end = credentialsAfterScheme.lastIndex - 2;
    push(end - m[1]!.length, end);
  }
  authorizationHeader.lastIndex = 0;
  for (let m = authorizationHeader.exec(text); m; m = authorizationHeader.exec(text)) {
    const token = m[1]!;
    if (!looksRandomEnough(token)) continue;
    const start = m.index + m[0].length - token.length;
    push(start, start + token.length);
  }
  secretAssignment.lastIndex = 0;
  for (let m = secretAssignment.exec(text); m; m = secretAssignment.exec(text)) {
    // Quoted values run to the closing quote (passwords may contain '&' or ';'); bare ones stop at
    // separators such as '&' in a query string.
    const quoted = m[3] === undefined;
    const value = m[1] ?? m[2] ?? m[3]!;
    if (notASecret.test(value) || !looksRandomEnough(value) || /\s/.test(value)) continue; // prose, not a key
    if (!quoted && text[m.index + m[0].length] === '(') continue; // a function call, not a literal
    if (!keywordStartsWord(text, m.index)) continue;
    const start = m.index + m[0].length - value.length - (quoted ? 1 : 0);
    push(start, start + value.length);
  }
  return found;
}
