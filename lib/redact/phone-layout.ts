// The layout of a phone number candidate: its runs of digits and the separators between them, read once, and
// the shape rules asked of it (dates, dotted versions, the French, Dutch and North American layouts, check
// digits). Each rule is the regular expression it replaced, written out over the groups; the phone
// detector (detect-phone.ts) runs them on thousands of digit runs per megabyte of logs and tables.
import { isDigitCode } from './detection';

// What a candidate's characters are besides digits, as bits of `Layout.separators`.
export const SPACE = 1;
export const PAREN = 2; // '(' or ')'
export const DASH = 4;
export const DOT = 8;
export const SLASH = 16;
/** Every date and dotted shape needs one of these. */
export const DATE_SEPARATORS = DASH | DOT | SLASH;

/**
 * A candidate read once: its runs of digits ("groups") and what lies between them. The shape rules below
 * ask it instead of running a regular expression each over a copy of the candidate: logs and tables hold
 * thousands of digit runs, and most are refused by shape alone. A candidate holds digits, the separators
 * ' ', '(', ')', '.', '/' and '-', and maybe a '+' first (see scanNumber in scan-text.ts); it ends with a digit.
 */
export class Layout {
  text = '';
  start = 0;
  end = 0;
  /** Number of groups, and of digits in all. */
  groups = 0;
  digits = 0;
  /** Which kinds of separator occur (the bits above). */
  separators = 0;
  // Group g spans [groupStarts[g], groupEnds[g]). A candidate has at most 25 characters, so 13 groups.
  readonly groupStarts = new Int32Array(16);
  readonly groupEnds = new Int32Array(16);

  read(text: string, start: number, end: number): this {
    this.text = text;
    this.start = start;
    this.end = end;
    let groups = 0;
    let digits = 0;
    let separators = 0;
    let inGroup = false;
    for (let i = start; i < end; i++) {
      const code = text.charCodeAt(i);
      if (isDigitCode(code)) {
        digits++;
        if (!inGroup) this.groupStarts[groups] = i;
        inGroup = true;
        continue;
      }
      if (inGroup) this.groupEnds[groups++] = i;
      inGroup = false;
      if (code === 32) separators |= SPACE;
      else if (code === 40 || code === 41) separators |= PAREN;
      else if (code === 45) separators |= DASH;
      else if (code === 46) separators |= DOT;
      else if (code === 47) separators |= SLASH;
    }
    if (inGroup) this.groupEnds[groups++] = end;
    this.groups = groups;
    this.digits = digits;
    this.separators = separators;
    return this;
  }

  groupLength(g: number): number {
    return this.groupEnds[g]! - this.groupStarts[g]!;
  }

  /** The one character between group g - 1 and group g, or -1 when there are more. */
  gapChar(g: number): number {
    const from = this.groupEnds[g - 1]!;
    return this.groupStarts[g]! - from === 1 ? this.text.charCodeAt(from) : -1;
  }

  /** Whether the candidate starts with its first digit (no '+' or '(' before it). */
  startsWithDigit(): boolean {
    return this.groupStarts[0] === this.start;
  }

  /** The candidate's digits, without its separators. */
  digitString(): string {
    const text = this.text;
    if (this.groups === 1) return text.slice(this.groupStarts[0], this.groupEnds[0]);
    let digits = '';
    for (let g = 0; g < this.groups; g++) digits += text.slice(this.groupStarts[g], this.groupEnds[g]);
    return digits;
  }
}

function isDateSeparator(code: number): boolean {
  return code === 45 || code === 46 || code === 47;
}

/**
 * A date first, with or without a time after it: 2024-01-15, 15/01/2024, 15.01.24 (groups of 4, 1-2 and 1-2
 * digits, or 1-2, 1-2 and 2-4, joined by single '-', '.' or '/', then the end or a space).
 */
export function looksLikeDate(shape: Layout): boolean {
  if (shape.groups < 3 || !shape.startsWithDigit()) return false;
  if (!isDateSeparator(shape.gapChar(1)) || !isDateSeparator(shape.gapChar(2))) return false;
  const first = shape.groupLength(0);
  const second = shape.groupLength(1);
  const third = shape.groupLength(2);
  if (second > 2) return false;
  const yearFirst = first === 4 && third <= 2;
  const yearLast = first <= 2 && third >= 2 && third <= 4;
  return (yearFirst || yearLast) && (shape.groups === 3 || shape.text.charCodeAt(shape.groupEnds[2]!) === 32);
}

/** Dotted groups of 1 to 3 digits, at least three: an IP address or a version (12.34.56.78, 1.2.3). */
export function looksLikeDotted(shape: Layout): boolean {
  if (shape.groups < 3 || !shape.startsWithDigit()) return false;
  for (let g = 0; g < shape.groups; g++) {
    if (shape.groupLength(g) > 3 || (g > 0 && shape.gapChar(g) !== 46)) return false;
  }
  return true;
}

/** A date anywhere: yyyy-mm-dd, or dd.mm.yyyy with '.', '/' or '-' (its first digits may end a group). */
export function containsDate(shape: Layout): boolean {
  for (let g = 0; g + 2 < shape.groups; g++) {
    if (shape.groupLength(g + 1) !== 2) continue;
    const first = shape.gapChar(g + 1);
    const second = shape.gapChar(g + 2);
    if (first === 45 && second === 45 && shape.groupLength(g) >= 4 && shape.groupLength(g + 2) >= 2)
      return true;
    if (
      isDateSeparator(first) &&
      isDateSeparator(second) &&
      shape.groupLength(g) >= 2 &&
      shape.groupLength(g + 2) >= 4
    )
      return true;
  }
  return false;
}

/** The French ten-digit layout, with spaces, dots or hyphens: "04.10.83.09.41". */
export function frenchLayout(shape: Layout): boolean {
  if (shape.groups !== 5 || !shape.startsWithDigit() || shape.text.charCodeAt(shape.start) !== 48)
    return false;
  const separator = shape.gapChar(1);
  if (!isSpaceDotOrDash(separator)) return false;
  for (let g = 0; g < 5; g++) {
    if (shape.groupLength(g) !== 2 || (g > 0 && shape.gapChar(g) !== separator)) return false;
  }
  return true;
}

/** A one-digit group right before a '.', at the start or after another '.': "1.2345", "1234.5.67". */
export function dottedOneDigitGroup(shape: Layout): boolean {
  const text = shape.text;
  // The last group ends the candidate: no '.' follows it.
  for (let g = 0; g < shape.groups - 1; g++) {
    const groupStart = shape.groupStarts[g]!;
    if (shape.groupEnds[g]! - groupStart !== 1 || text.charCodeAt(groupStart + 1) !== 46) continue;
    if (groupStart === shape.start || text.charCodeAt(groupStart - 1) === 46) return true;
  }
  return false;
}

/** A last group of one digit after ' ', '.', '/' or '-': an ISBN's or part number's check digit. */
export function oneDigitLastGroup(shape: Layout): boolean {
  const last = shape.groups - 1;
  const lastStart = shape.groupStarts[last]!;
  if (shape.groupEnds[last]! - lastStart !== 1 || lastStart === shape.start) return false;
  const before = shape.text.charCodeAt(lastStart - 1);
  return before === 32 || isDateSeparator(before);
}

/** The North American layout: (212) 555-0187, 212.555.0187, 1-212-555-0187, 1 (212) 555 0187. */
export function nanpShape(shape: Layout): boolean {
  const { text, start } = shape;
  if (nanpAfterCountryCode(text, start, shape.end)) return true;
  if (text.charCodeAt(start) !== 49) return false;
  if (nanpAfterCountryCode(text, start + 1, shape.end)) return true;
  return isSpaceDotOrDash(text.charCodeAt(start + 1)) && nanpAfterCountryCode(text, start + 2, shape.end);
}

/** ' ', '.' or '-': what the North American and French layouts put between groups. */
function isSpaceDotOrDash(code: number): boolean {
  return code === 32 || code === 46 || code === 45;
}

function digitsAt(text: string, at: number, count: number): boolean {
  for (let i = at; i < at + count; i++) if (!isDigitCode(text.charCodeAt(i))) return false;
  return true;
}

/** "(ddd) ddd-dddd" or "ddd-ddd-dddd" (any of ' ', '.', '-' between), exactly from `at` to `end`. */
function nanpAfterCountryCode(text: string, at: number, end: number): boolean {
  let i = at;
  if (text.charCodeAt(i) === 40) {
    if (!digitsAt(text, i + 1, 3) || text.charCodeAt(i + 4) !== 41) return false;
    i += 5;
    if (text.charCodeAt(i) === 32) i++;
  } else {
    if (!digitsAt(text, i, 3) || !isSpaceDotOrDash(text.charCodeAt(i + 3))) return false;
    i += 4;
  }
  return (
    digitsAt(text, i, 3) &&
    isSpaceDotOrDash(text.charCodeAt(i + 3)) &&
    digitsAt(text, i + 4, 4) &&
    i + 8 === end
  );
}

/** A two-digit first group: "01 02 03", "(05) 74", "06-1234". */
export function twoDigitStart(shape: Layout): boolean {
  const text = shape.text;
  let i = shape.start;
  if (text.charCodeAt(i) === 40) i++;
  if (text.charCodeAt(i) !== 48 || !isDigitCode(text.charCodeAt(i + 1))) return false;
  i += 2;
  if (text.charCodeAt(i) === 41) i++;
  return isSpaceDotOrDash(text.charCodeAt(i));
}

/** The Dutch mobile layout: "06-12345678", "06 12345678". */
export function dutchMobileLayout(shape: Layout): boolean {
  const text = shape.text;
  const separator = shape.gapChar(1);
  return (
    shape.groups === 2 &&
    shape.startsWithDigit() &&
    shape.groupLength(0) === 2 &&
    text.charCodeAt(shape.start) === 48 &&
    text.charCodeAt(shape.start + 1) === 54 &&
    (separator === 32 || separator === 45) &&
    shape.groupLength(1) === 8
  );
}
