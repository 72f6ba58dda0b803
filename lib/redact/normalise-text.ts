// Detection runs on a normalised copy of the text so that look-alike characters cannot hide personal data
// (zero-width joiners, full-width digits, no-break and thin spaces, typographic dashes). Findings are mapped
// back to offsets in the original text, which is what callers redact.

export interface NormalisedText {
  /** Text the detectors scan. */
  text: string;
  /** Maps a span [start, end) of `text` to the corresponding span of the original text. */
  toOriginal(start: number, end: number): { start: number; end: number };
}

// Everything the normaliser rewrites or drops: look-alike characters; HTML character references such as
// "&#64;" that spell '@' or '.' in pasted markup; '@' percent-encoded in URLs and logs ("%40"); and the
// "defanged" dots and '@' of threat reports ("185[.]44.12[.]9", "jane[@]example.com"). Most pastes contain
// none and are used as they are.
const rewritten =
  /[\u00a0\u00ad\u180e\u2000-\u2015\u2024\u202f\u205f\u2060-\u2064\u2212\u3000\u3002\ufe63\ufeff\uff01-\uff5e\uff61\u0660-\u0669\u06f0-\u06f9]|&#(?:\d{1,5}|[xX][0-9a-fA-F]{1,4});|&(?:commat|period|nbsp);|%40|\[[.@]\]|\([.@]\)|\{\.\}/g;

/**
 * Whether `text` holds a character that can start a match of `rewritten` (any character from U+00A0 on,
 * '&', '%', '[', '(' or '{'). Cheaper than the expression on short values such as a finding's text, which
 * mostly hold none.
 */
function mayBeRewritten(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0xa0 || code === 38 || code === 37 || code === 91 || code === 40 || code === 123) return true;
  }
  return false;
}

/** The ASCII character that stands in for `code`, or '' to drop it. */
function replacementFor(code: number): string {
  // Invisible: zero-width space/joiners, direction marks, word joiner, BOM, soft hyphen.
  if (code === 0x00ad || (code >= 0x200b && code <= 0x200f) || (code >= 0x2060 && code <= 0x2064)) return '';
  if (code === 0xfeff || code === 0x180e) return '';
  // Dashes and the minus sign, so "123–45–6789" reads as a hyphenated number.
  if ((code >= 0x2010 && code <= 0x2015) || code === 0x2212 || code === 0xfe63 || code === 0xff0d) return '-';
  // Full-width ASCII block (U+FF01..U+FF5E) maps 1:1 onto '!'..'~'.
  if (code >= 0xff01 && code <= 0xff5e) return String.fromCharCode(code - 0xfee0);
  // Arabic-Indic and Persian digits.
  if (code >= 0x0660 && code <= 0x0669) return String.fromCharCode(code - 0x0660 + 48);
  if (code >= 0x06f0 && code <= 0x06f9) return String.fromCharCode(code - 0x06f0 + 48);
  // One-dot leader and ideographic full stops.
  if (code === 0x2024 || code === 0x3002 || code === 0xff61) return '.';
  return ' '; // no-break, thin, figure, ideographic and other spaces
}

const namedReferences: Record<string, string> = {
  '&commat;': '@',
  '&period;': '.',
  '&nbsp;': ' ',
  '%40': '@',
  '[.]': '.',
  '(.)': '.',
  '{.}': '.',
  '[@]': '@',
  '(@)': '@',
};

/**
 * What an HTML character reference (or an encoded or defanged character) stands for, if it is printable
 * ASCII; otherwise it is left alone.
 */
function referenceReplacement(reference: string): string | undefined {
  const named = namedReferences[reference];
  if (named !== undefined) return named;
  const hex = reference[2] === 'x' || reference[2] === 'X';
  const code = parseInt(reference.slice(hex ? 3 : 2, -1), hex ? 16 : 10);
  return code >= 32 && code < 127 ? String.fromCharCode(code) : undefined;
}

/** The offset map of a text the normaliser left as it was. */
export const identityOffsets = (start: number, end: number) => ({ start, end });

/** `value` normalised, without the offset map: for short values such as a finding's text. */
export function normalisedValue(value: string): string {
  return mayBeRewritten(value) ? normaliseText(value).text : value;
}

export function normaliseText(original: string): NormalisedText {
  if (!mayBeRewritten(original)) return { text: original, toOriginal: identityOffsets };
  rewritten.lastIndex = 0;
  let m = rewritten.exec(original);
  if (!m) return { text: original, toOriginal: identityOffsets };
  // Rewrites keep one UTF-16 unit per character; only dropped units shift offsets. For each dropped unit,
  // record the normalised offset it sat before. The tail of a character reference ("#64;" of "&#64;") is
  // recorded half a unit earlier, so it belongs with the character the reference became: it counts
  // inside a span ending there, and is skipped by a span starting right after it.
  const droppedAt: number[] = [];
  const parts: string[] = [];
  let last = 0;
  let dropped = 0;
  for (; m; m = rewritten.exec(original)) {
    const isReference = m[0].length > 1;
    const replacement = isReference
      ? referenceReplacement(m[0])
      : replacementFor(original.charCodeAt(m.index));
    if (replacement === undefined) continue;
    parts.push(original.slice(last, m.index), replacement);
    last = m.index + m[0].length;
    const at = m.index - dropped; // normalised offset of this character (or of the one after it, if dropped)
    if (replacement === '') {
      dropped++;
      droppedAt.push(at);
    } else if (isReference) {
      for (let i = 1; i < m[0].length; i++) droppedAt.push(at + 0.5);
      dropped += m[0].length - 1;
    }
  }
  parts.push(original.slice(last));
  const text = parts.join('');
  if (dropped === 0) return { text, toOriginal: identityOffsets };
  // Number of dropped units before normalised offset `n` (those sitting at or before it).
  const shiftBefore = (n: number, inclusive: boolean) => {
    let lo = 0;
    let hi = droppedAt.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (inclusive ? droppedAt[mid]! <= n : droppedAt[mid]! < n) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  return {
    text,
    // A span's start skips dropped units before it; its end keeps those inside but not after it.
    toOriginal: (start, end) => ({
      start: start + shiftBefore(start, true),
      end: end + shiftBefore(end, false),
    }),
  };
}
