// Detection runs on a normalised copy of the text so that look-alike characters cannot hide personal data
// (zero-width joiners, full-width digits, no-break and thin spaces, typographic dashes). Findings are mapped
// back to offsets in the original text, which is what callers redact.

export interface NormalisedText {
  /** Text the detectors scan. */
  text: string;
  /** Maps a span [start, end) of `text` to the corresponding span of the original text. */
  toOriginal(start: number, end: number): { start: number; end: number };
}

// Characters removed entirely: zero-width space/joiners, word joiner, BOM, soft hyphen, invisible operators.
function isInvisible(code: number): boolean {
  return (
    code === 0x00ad ||
    (code >= 0x200b && code <= 0x200f) ||
    (code >= 0x2060 && code <= 0x2064) ||
    code === 0xfeff ||
    code === 0x180e
  );
}

// Everything that renders as a space becomes an ASCII space so grouped digits still parse.
function isSpaceLike(code: number): boolean {
  return (
    code === 0x00a0 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000
  );
}

function isDashLike(code: number): boolean {
  return (code >= 0x2010 && code <= 0x2015) || code === 0x2212 || code === 0xfe63 || code === 0xff0d;
}

/** The ASCII character that stands in for `code`, '' to drop it, or undefined to keep it as it is. */
function replacementFor(code: number): string | undefined {
  if (isInvisible(code)) return '';
  if (isSpaceLike(code)) return ' ';
  if (isDashLike(code)) return '-';
  // Full-width ASCII block (U+FF01..U+FF5E) maps 1:1 onto '!'..'~'.
  if (code >= 0xff01 && code <= 0xff5e) return String.fromCharCode(code - 0xfee0);
  if (code === 0x2024 || code === 0xff0e) return '.'; // one-dot leader
  return undefined;
}

// Only non-ASCII characters can need rewriting; most pastes are ASCII and skip the copy entirely.
const nonAscii = /[^\x00-\x7f]/;

const identity = (start: number, end: number) => ({ start, end });

export function normaliseText(original: string): NormalisedText {
  if (!nonAscii.test(original)) return { text: original, toOriginal: identity };
  let changed = false;
  const parts: string[] = [];
  // starts[i]: original offset of normalised char i; ends[i]: original offset just after it.
  const starts = new Uint32Array(original.length + 1);
  const ends = new Uint32Array(original.length + 1);
  let n = 0;
  let runStart = 0;
  for (let i = 0; i < original.length; i++) {
    const code = original.charCodeAt(i);
    const replacement = code < 0x80 ? undefined : replacementFor(code);
    if (replacement === undefined) {
      starts[n] = i;
      ends[n] = i + 1;
      n++;
      continue;
    }
    changed = true;
    if (i > runStart) parts.push(original.slice(runStart, i));
    runStart = i + 1;
    if (replacement !== '') {
      parts.push(replacement);
      starts[n] = i;
      ends[n] = i + 1;
      n++;
    }
  }
  if (!changed) return { text: original, toOriginal: identity };
  parts.push(original.slice(runStart));
  const text = parts.join('');
  starts[n] = original.length;
  return {
    text,
    toOriginal(start, end) {
      if (end <= start) return { start: starts[start]!, end: starts[start]! };
      return { start: starts[start]!, end: ends[end - 1]! };
    },
  };
}
