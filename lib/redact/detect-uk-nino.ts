// UK National Insurance numbers. NINOs carry no check digit, so the HMRC prefix rules do the validating:
// first letter not D/F/I/Q/U/V, second not D/F/I/O/Q/U/V, and some prefixes are never allocated.
// The exception is QQ, HMRC's own specimen prefix ("QQ 12 34 56 C"), which forms and test data copy.
import type { Scan } from './scan';

// From a run of letters and digits that starts after no other letter or digit (checked by the caller): in
// capitals or typed in lower case ("ab123456c"), spaced or not, but not mixed.
const candidate =
  /(?:[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z]|QQ) ?\d{2} ?\d{2} ?\d{2} ?[A-D](?![A-Za-z0-9])|(?:[a-ceghj-pr-tw-z][a-ceghj-npr-tw-z]|qq) ?\d{2} ?\d{2} ?\d{2} ?[a-d](?![A-Za-z0-9])/y;
const unallocatedPrefixes = new Set(['BG', 'GB', 'KN', 'NK', 'NT', 'TN', 'ZZ']);

/** A NINO at `start`, where two letters of the same case begin a run of letters and digits. */
export function detectNinoAt(scan: Scan, start: number): void {
  candidate.lastIndex = start;
  const m = candidate.exec(scan.text);
  if (!m || unallocatedPrefixes.has(m[0].slice(0, 2).toUpperCase())) return;
  scan.push('UK_NINO', start, start + m[0].length);
}
