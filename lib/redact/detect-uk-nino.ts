// UK National Insurance numbers. NINOs carry no check digit, so the HMRC prefix rules do the validating:
// first letter not D/F/I/Q/U/V, second not D/F/I/O/Q/U/V, and some prefixes are never allocated.
// The exception is QQ, HMRC's own specimen prefix ("QQ 12 34 56 C"), which forms and test data copy.
import type { Detection } from './detection';

const candidate =
  /(?:[A-CEGHJ-PR-TW-Z](?<![A-Za-z0-9][A-Z])[A-CEGHJ-NPR-TW-Z]|Q(?<![A-Za-z0-9]Q)Q) ?\d{2} ?\d{2} ?\d{2} ?[A-D](?![A-Za-z0-9])/g;
const unallocatedPrefixes = new Set(['BG', 'GB', 'KN', 'NK', 'NT', 'TN', 'ZZ']);

export function detectUkNino(text: string): Detection[] {
  const found: Detection[] = [];
  candidate.lastIndex = 0;
  for (let m = candidate.exec(text); m; m = candidate.exec(text)) {
    if (unallocatedPrefixes.has(m[0].slice(0, 2))) continue;
    found.push({ type: 'UK_NINO', start: m.index, end: m.index + m[0].length });
  }
  return found;
}
