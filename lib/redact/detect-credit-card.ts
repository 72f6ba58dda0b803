// Payment card numbers: Luhn checksum plus issuer prefix and length, so order numbers don't qualify.
import type { Detection } from './detection';

// 12-19 digits, either contiguous or in groups separated by one space or hyphen (4-4-4-4, 4-6-5, ...).
// The regex only finds the run; the grouping is checked in code, which avoids regex backtracking.
// The first character comes before the look-behind so V8 can skip quickly to candidate positions.
const candidate = /\d(?<![\w./-]\d)\d{3}[\d -]{7,19}\d(?![\w/]|[.-]\d)/g;
const grouping = /^\d{4}(?:[ -]?\d{2,7}){1,4}$/;

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

export function detectCreditCard(text: string): Detection[] {
  const found: Detection[] = [];
  candidate.lastIndex = 0;
  for (let m = candidate.exec(text); m; m = candidate.exec(text)) {
    const raw = m[0];
    // When a run fails, rescan from its second group: "0958 4111 1111 1111 1111" still holds a card.
    const retryFrom = () => {
      const gap = raw.search(/[ -]/);
      if (gap !== -1) candidate.lastIndex = m!.index + gap + 1;
    };
    // Mixed separators ("4111 1111-1111") are not how anyone writes a card number.
    const digits = raw.replace(/[ -]/g, '');
    const mixedSeparators = raw.includes(' ') && raw.includes('-');
    const badGrouping = mixedSeparators || !grouping.test(raw) || digits.length > 19;
    if (badGrouping || !issuerMatches(digits) || !luhnValid(digits)) {
      retryFrom();
      continue;
    }
    if (digits.length < 12 || /^(\d)\1+$/.test(digits)) continue;
    found.push({ type: 'CREDIT_CARD', start: m.index, end: m.index + raw.length });
  }
  return found;
}
