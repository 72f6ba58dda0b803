// Payment card numbers: Luhn checksum plus issuer prefix and length, so order numbers don't qualify. A card
// is read from the groups of a numeric chunk, and the longest valid prefix wins: "4111 1111 1111 1111 123"
// is a card and its CVV, "4111111111111111/5500000000000004" two cards.
import { hasContextBefore } from './detection';
import { gs1CheckDigitValid, namedAsProductCode } from './product-and-parcel-numbers';
import { isWordCharCode } from './detection';
import type { Scan } from './scan';
import { inColumnHeaded } from './table-column';

// Words that introduce a card number ("card no.", "PAN", "Kreditkarte", "tarjeta"), or head its column.
const cardWords =
  '(?:credit|debit|bank|payment|pay) ?card|card|cards|cc|pan|(?:kredit)?karte|carte(?: bancaire| de cr[ée]dit)?|cb|' +
  'tarjeta(?: de cr[ée]dito)?|cart[aã]o(?: de cr[ée]dito)?|carta(?: di credito)?|kaart|kort|uatp|airplus|visa|' +
  'master ?card|amex|american express|discover|jcb|diners(?: club)?|maestro|unionpay';
const cardContext = new RegExp(
  `\\b(?:${cardWords})\\b(?:[\\s:#.=()"'-]|\\b(?:no|nr|number|num|nummer|num[eé]ro|n[uú]mero|is|ending)\\b)*$`,
  'i',
);
const cardHeader = new RegExp(`\\b(?:${cardWords})\\b`, 'i');

/**
 * Luhn sums of a number read from the left, a group of digits at a time, so a card read group by group is
 * checked at each length without reading its digits again. Luhn doubles every second digit counted from
 * the right: which digits those are depends on the final length, so both sums are kept, one doubling the
 * digits at even offsets from the left and one doubling those at odd offsets.
 */
class LuhnSums {
  length = 0;
  private doublingEven = 0;
  private doublingOdd = 0;

  reset(): void {
    this.length = 0;
    this.doublingEven = 0;
    this.doublingOdd = 0;
  }

  /** Adds the digits of `text` from `start` to `end`. */
  add(text: string, start: number, end: number): void {
    for (let i = start; i < end; i++) {
      const d = text.charCodeAt(i) - 48;
      // A doubled digit above 9 counts as the sum of its two digits: 2d - 9.
      const doubled = d > 4 ? 2 * d - 9 : 2 * d;
      if (this.length % 2 === 0) {
        this.doublingEven += doubled;
        this.doublingOdd += d;
      } else {
        this.doublingEven += d;
        this.doublingOdd += doubled;
      }
      this.length++;
    }
  }

  /** Whether the digits added so far pass (the last is never doubled: an even length doubles even offsets). */
  valid(): boolean {
    return (this.length % 2 === 0 ? this.doublingEven : this.doublingOdd) % 10 === 0;
  }
}

export function luhnValid(digits: string): boolean {
  const sums = new LuhnSums();
  sums.add(digits, 0, digits.length);
  return sums.valid();
}

// The sums of the card being read (one at a time: a scan runs to completion).
const luhn = new LuhnSums();

/** The number its first `length` digits spell, read without slicing. */
function prefixValue(digits: string, length: number): number {
  let value = 0;
  for (let i = 0; i < length; i++) value = value * 10 + digits.charCodeAt(i) - 48;
  return value;
}

/** Whether the number's prefix and length belong to a real card scheme (IIN ranges). */
export function issuerMatches(digits: string): boolean {
  const len = digits.length;
  const p2 = prefixValue(digits, 2);
  const p3 = prefixValue(digits, 3);
  const p4 = prefixValue(digits, 4);
  const p6 = prefixValue(digits, 6);
  if (digits[0] === '4') return len === 13 || len === 16 || len === 19; // Visa
  if ((p2 >= 51 && p2 <= 55) || (p4 >= 2221 && p4 <= 2720)) return len === 16; // Mastercard
  if (p2 === 34 || p2 === 37) return len === 15; // American Express
  if (p4 === 6011 || (p3 >= 644 && p3 <= 649) || p2 === 65 || (p6 >= 622126 && p6 <= 622925))
    return len >= 16 && len <= 19; // Discover
  if (p4 >= 3528 && p4 <= 3589) return len >= 16 && len <= 19; // JCB
  if ((p3 >= 300 && p3 <= 305) || p2 === 36 || p2 === 38 || p2 === 39) return len >= 14 && len <= 19; // Diners
  if (p2 === 62) return len >= 16 && len <= 19; // UnionPay
  if (p2 === 50 || (p2 >= 56 && p2 <= 69)) return len >= 12 && len <= 19; // Maestro
  return false;
}

/** UATP (airline) cards: 15 digits from 1. They collide with everyday ids, so they need a card label. */
function isUatp(digits: string): boolean {
  return digits.length === 15 && digits.charCodeAt(0) === 49;
}

function introducedAsCard(text: string, start: number): boolean {
  return hasContextBefore(text, start, cardContext, 32) || inColumnHeaded(text, start, cardHeader);
}

/**
 * Whether `digits`, which pass Luhn and are written from `start` as one group (`contiguous`) or several, are
 * a card number: issuer and length, and not a barcode. EAN/GTIN/UPC codes (12-14 digits with a valid GS1
 * check digit) pass Luhn one time in ten; they count as cards only after a card label.
 */
function isCardNumber(text: string, start: number, digits: string, contiguous: boolean): boolean {
  if (isUatp(digits)) return introducedAsCard(text, start);
  if (!issuerMatches(digits) || /^(\d)\1+$/.test(digits)) return false;
  if (namedAsProductCode(text, start)) return false;
  if (contiguous && digits.length <= 14 && gs1CheckDigitValid(digits)) return introducedAsCard(text, start);
  return true;
}

const grouping = /^\d{4}(?:[ -]?\d{2,7}){1,4}$/;

/** The digits of runs `first` to `last` of a chunk. */
function digitsOf(
  text: string,
  runStarts: Int32Array,
  runEnds: Int32Array,
  first: number,
  last: number,
): string {
  let digits = '';
  for (let r = first; r <= last; r++) digits += text.slice(runStarts[r]!, runEnds[r]!);
  return digits;
}

/** Whether a card may start at `start`: not inside a word, version or range; after '/' only between numbers. */
function mayStartAt(text: string, start: number): boolean {
  if (start === 0) return true;
  const before = text.charCodeAt(start - 1);
  if (before === 47) return start > 1 && text.charCodeAt(start - 2) >= 48 && text.charCodeAt(start - 2) <= 57;
  return !(isWordCharCode(before) || before === 46 || before === 45);
}

/** Whether a card may end at `end`: not followed by a word, a decimal part, or a path. */
function mayEndAt(text: string, end: number): boolean {
  const after = text.charCodeAt(end);
  if (isWordCharCode(after)) return false;
  const next = text.charCodeAt(end + 1);
  if (after === 46) return !(next >= 48 && next <= 57);
  if (after === 47) return !isWordCharCode(next) || (next >= 48 && next <= 57);
  return true;
}

/** Cards in the scan's current numeric chunk: from each group, the longest valid run of groups. */
export function detectCardsInChunk(scan: Scan): void {
  if (scan.chunkDigits < 12) return;
  const { text, runStarts, runEnds } = scan;
  const runCount = scan.runCount;
  let digitsBefore = 0;
  for (let r = 0; r < runCount; r++) {
    const start = runStarts[r]!;
    const runDigits = runEnds[r]! - start;
    digitsBefore += runDigits;
    // Twelve digits at least from here; card numbers start with 1 to 6.
    if (scan.chunkDigits - digitsBefore + runDigits < 12) break;
    const first = text.charCodeAt(start);
    if (first < 49 || first > 54 || start < scan.cardNext || !mayStartAt(text, start)) continue;
    let separator = 0;
    let best = -1;
    luhn.reset();
    // Contiguous (12-19 digits), or in groups of 2-7 digits after a first group of four, one space or one
    // hyphen between them, the same throughout. The checksum comes first (nine in ten candidates fail it),
    // and a candidate's digits are copied out only when it passes.
    for (let e = r; e < runCount; e++) {
      if (e > r) {
        const gap = runEnds[e - 1]!;
        const code = text.charCodeAt(gap);
        if (runStarts[e]! !== gap + 1 || (code !== 32 && code !== 45)) break;
        if (separator !== 0 && code !== separator) break;
        separator = code;
      }
      const end = runEnds[e]!;
      luhn.add(text, runStarts[e]!, end);
      if (luhn.length > 19) break;
      if (
        luhn.length >= 12 &&
        luhn.valid() &&
        mayEndAt(text, end) &&
        (e === r || grouping.test(text.slice(start, end))) &&
        isCardNumber(text, start, digitsOf(text, runStarts, runEnds, r, e), e === r)
      ) {
        best = e;
      }
    }
    if (best < 0) continue;
    scan.push('CREDIT_CARD', start, runEnds[best]!);
    scan.cardNext = runEnds[best]!;
    r = best;
  }
}
