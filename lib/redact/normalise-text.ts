// Detection runs on a normalised copy of the text so that look-alike characters cannot hide personal data
// (zero-width joiners, full-width digits, no-break and thin spaces, typographic dashes). Findings are mapped
// back to offsets in the original text, which is what callers redact.

export interface NormalisedText {
  /** Text the detectors scan. */
  text: string;
  /** Maps a span [start, end) of `text` to the corresponding span of the original text. */
  toOriginal(start: number, end: number): { start: number; end: number };
}

// Every character the normaliser rewrites or drops. Most pastes contain none and are used as they are.
const rewritten =
  /[\u00a0\u00ad\u180e\u2000-\u2015\u2024\u202f\u205f\u2060-\u2064\u2212\u3000\ufe63\ufeff\uff01-\uff5e]/g;

/** The ASCII character that stands in for `code`, or '' to drop it. */
function replacementFor(code: number): string {
  // Invisible: zero-width space/joiners, direction marks, word joiner, BOM, soft hyphen.
  if (code === 0x00ad || (code >= 0x200b && code <= 0x200f) || (code >= 0x2060 && code <= 0x2064)) return '';
  if (code === 0xfeff || code === 0x180e) return '';
  // Dashes and the minus sign, so "123–45–6789" reads as a hyphenated number.
  if ((code >= 0x2010 && code <= 0x2015) || code === 0x2212 || code === 0xfe63 || code === 0xff0d) return '-';
  // Full-width ASCII block (U+FF01..U+FF5E) maps 1:1 onto '!'..'~'.
  if (code >= 0xff01 && code <= 0xff5e) return String.fromCharCode(code - 0xfee0);
  if (code === 0x2024) return '.'; // one-dot leader
  return ' '; // no-break, thin, figure, ideographic and other spaces
}

const identity = (start: number, end: number) => ({ start, end });

export function normaliseText(original: string): NormalisedText {
  rewritten.lastIndex = 0;
  if (!rewritten.test(original)) return { text: original, toOriginal: identity };
  // Only dropped characters shift offsets (every rewrite is one UTF-16 unit for one). Record, for each
  // dropped character, the normalised offset where it was and how many were dropped up to and including it.
  const droppedAt: number[] = [];
  const parts: string[] = [];
  let last = 0;
  let dropped = 0;
  rewritten.lastIndex = 0;
  for (let m = rewritten.exec(original); m; m = rewritten.exec(original)) {
    const replacement = replacementFor(original.charCodeAt(m.index));
    parts.push(original.slice(last, m.index), replacement);
    last = m.index + 1;
    if (replacement === '') {
      dropped++;
      droppedAt.push(m.index - dropped + 1);
    }
  }
  parts.push(original.slice(last));
  const text = parts.join('');
  if (dropped === 0) return { text, toOriginal: identity };
  // Number of dropped characters before normalised offset `n` (those sitting at or before it).
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
    // A span's start skips dropped characters before it; its end keeps those inside but not after it.
    toOriginal: (start, end) => ({
      start: start + shiftBefore(start, true),
      end: end + shiftBefore(end, false),
    }),
  };
}
