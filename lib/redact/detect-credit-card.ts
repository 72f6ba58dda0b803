// Payment card numbers: Luhn checksum plus issuer prefix and length, so order numbers don't qualify.
import { standsAlone, type Scan } from './scan';

// 12-19 digits, either contiguous or in groups separated by one space or hyphen (4-4-4-4, 4-6-5, ...),
// matched from the start of a run of digits not glued to a word, path, version or range (the caller checks
// the character before). The regex only finds the run; the grouping is checked in code.
const candidate = /\d{4}[\d -]{7,19}\d(?![\w/]|[.-]\d)/y;
const grouping = /^\d{4}(?:[ -]?\d{2,7}){1,4}$/;
const separators = /[ -]/g;
const firstSeparator = /[ -]/;

export function luhnValid(digits: string): boolean {
  let sum = 0;
  let double = false;
  for (let i = digits.length - 1; i >= 0; i--) {
    let d = digits.charCodeAt(i) - 48;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    double = !double;
  }
  return sum % 10 === 0;
}

/** Whether the number's prefix and length belong to a real card scheme (IIN ranges). */
export function issuerMatches(digits: string): boolean {
  const len = digits.length;
  const p2 = Number(digits.slice(0, 2));
  const p3 = Number(digits.slice(0, 3));
  const p4 = Number(digits.slice(0, 4));
  const p6 = Number(digits.slice(0, 6));
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

/** Cards in the scan's current numeric chunk. */
export function detectCardsInChunk(scan: Scan): void {
  if (scan.chunkDigits < 12) return;
  const { text, runStarts, runEnds } = scan;
  for (let r = 0; r < scan.runCount; r++) {
    const at = runStarts[r]!;
    const length = runEnds[r]! - at;
    // Four digits at least, then more digits, spaces or hyphens.
    if (at < scan.cardNext || length < 4) continue;
    const after = text.charCodeAt(runEnds[r]!);
    if (length < 12 && after !== 32 && after !== 45) continue;
    if (!standsAlone(text, at)) continue;
    candidate.lastIndex = at;
    const m = candidate.exec(text);
    if (!m) continue;
    const raw = m[0];
    const digitsOnly = raw.replace(separators, '');
    // Cheapest and most selective first: the checksum fails for nine in ten digit runs. Mixed separators
    // ("4111 1111-1111") are not how anyone writes a card number.
    const rejected =
      digitsOnly.length > 19 ||
      !luhnValid(digitsOnly) ||
      !issuerMatches(digitsOnly) ||
      (raw.includes(' ') && raw.includes('-')) ||
      !grouping.test(raw);
    scan.cardNext = at + raw.length;
    if (rejected) {
      // When a run fails, rescan from its second group: "0958 4111 1111 1111 1111" still holds a card.
      const gap = raw.search(firstSeparator);
      if (gap !== -1) scan.cardNext = at + gap + 1;
    } else if (digitsOnly.length >= 12 && !/^(\d)\1+$/.test(digitsOnly)) {
      scan.push('CREDIT_CARD', at, at + raw.length);
    }
  }
}
