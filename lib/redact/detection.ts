// What every detector returns: a typed span in the normalised text (see normalise-text.ts).
import type { PiiType } from './settings';

export interface Detection {
  type: PiiType;
  /** UTF-16 offset into the text the detector was given (inclusive). */
  start: number;
  /** UTF-16 offset into the text the detector was given (exclusive). */
  end: number;
  /** Name of the custom pattern or dictionary that matched, for CUSTOM findings. */
  label?: string;
}

/** Letters, digits and underscore: a match touching one of these is part of a bigger token. */
export function isWordCharCode(code: number): boolean {
  return (
    (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95
  );
}

/**
 * True when one of the (lower-case) context words occurs in the `window` characters before `start`.
 * Context raises confidence for shapes that are too ambiguous on their own (bare 9- or 11-digit runs).
 * `words` must only match text that holds a letter: a window without one is not searched.
 */
export function hasContextBefore(
  text: string,
  start: number,
  words: RegExp,
  window = 40,
  digitsInWords = false,
): boolean {
  let from = start;
  const limit = Math.max(0, start - window);
  // Context words and the punctuation after them hold no digit (unless `digitsInWords`): the match can only
  // lie after the last digit, which in tables and logs leaves a few characters to test instead of forty.
  if (digitsInWords) from = limit;
  else {
    while (from > limit && !isDigitCode(text.charCodeAt(from - 1))) from--;
    if (from === start) return false;
    // Keep the digit itself, so a word glued to it does not start at a word boundary.
    if (from > limit) from--;
  }
  // Every context word holds a letter (ASCII or not): most numbers in tables and logs follow only spaces,
  // punctuation and other numbers, and need no regular expression.
  if (!hasLetter(text, from, start)) return false;
  words.lastIndex = 0;
  return words.test(text.slice(from, start));
}

function hasLetter(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const code = text.charCodeAt(i);
    if (isLetterCode(code) || code >= 128) return true;
  }
  return false;
}

/** '0' to '9' (NaN, read past either end of a text, is none). */
export function isDigitCode(code: number): boolean {
  return code >= 48 && code <= 57;
}

/** 'A' to 'Z' and 'a' to 'z': '| 32' lowers a capital, '>>> 0' makes anything below 'a' a large number. */
export function isLetterCode(code: number): boolean {
  return ((code | 32) - 97) >>> 0 < 26;
}
