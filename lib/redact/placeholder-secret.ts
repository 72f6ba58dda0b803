// Placeholders and documentation examples shaped like secrets: "sk_live_xxxxxxxx", "ghp_XXXX...",
// "xoxb-your-bot-token", "AKIAIOSFODNN7EXAMPLE". A real token is random; these are not, and redacting them
// only teaches people to ignore the guard.

// Keys the vendors publish in their documentation: public by definition, so there is nothing to protect.
// (AWS's examples all contain "EXAMPLE" and are caught by the marker words below.)
const publishedExamples = new Set([
  // Stripe API reference and quick starts
  'sk_test_4eC39HqLyjWDarjtT1zdp7dc',
  'sk_test_BQokikJOvBiI2HlWgH4olfQ2',
  'sk_test_26PHem9AhJZvU623DfE1x4sd',
  // jwt.io's default token
  'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c',
]);

// Words that only a template, a tutorial or a redacted log puts where a secret goes.
const markerWords =
  /example|sample|dummy|placeholder|redacted|your|fake|changeme|replace|insert|here|xxxx|\*\*\*|\.\.\.|[<>{}]/i;

/**
 * Whether `secret` is a placeholder rather than a real secret. `bodyStart` skips a fixed prefix
 * ("sk_live_", "ghp_") so only the part that should be random is judged.
 */
export function isPlaceholderSecret(secret: string, bodyStart = 0): boolean {
  if (publishedExamples.has(secret)) return true;
  const body = secret.slice(bodyStart);
  if (markerWords.test(body)) return true;
  return lacksEntropy(body);
}

/**
 * A random body mixes many different characters; a placeholder repeats a few ("xxxxxxxx", "0000-0000"),
 * counts ("1234567890abcdef") or spells words ("your-bot-token").
 */
function lacksEntropy(body: string): boolean {
  counts.fill(0);
  let distinct = 0;
  let most = 0;
  let ascending = 0;
  let digits = 0;
  for (let i = 0; i < body.length; i++) {
    const code = body.charCodeAt(i);
    const slot = code < 128 ? code : 128;
    const n = ++counts[slot]!;
    if (n === 1) distinct++;
    if (n > most) most = n;
    if (i > 0 && code === body.charCodeAt(i - 1) + 1) ascending++;
    if (code >= 48 && code <= 57) digits++;
  }
  if (distinct < 6 || most > body.length * 0.4) return true;
  if (ascending >= (body.length - 1) * 0.5) return true;
  // Words, no digit at all: "your-bot-token", "YOUR_API_KEY", "MySecretKey". Random letters mix case
  // within a word ("QwErTyUiOp").
  return digits === 0 && body.split(/[-_.]/).every((part) => /^[A-Z]?(?:[a-z]*|[A-Z]*)$/.test(part));
}

// Occurrences of each ASCII character (and of all others together in the last slot), reused per call.
const counts = new Uint32Array(129);
