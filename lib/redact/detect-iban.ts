// IBANs: the country's registered length and the ISO 13616 mod-97 check digits must both be right.
import type { Scan } from './scan';

// Lengths from the SWIFT IBAN registry.
// prettier-ignore
const ibanLengths: Record<string, number> = {
  AD: 24, AE: 23, AL: 28, AT: 20, AZ: 28, BA: 20, BE: 16, BG: 22, BH: 22, BI: 27, BR: 29, BY: 28, CH: 21,
  CR: 22, CY: 28, CZ: 24, DE: 22, DJ: 27, DK: 18, DO: 28, EE: 20, EG: 29, ES: 24, FI: 18, FK: 18, FO: 18,
  FR: 27, GB: 22, GE: 22, GI: 23, GL: 18, GR: 27, GT: 28, HR: 21, HU: 28, IE: 22, IL: 23, IQ: 23, IS: 26,
  IT: 27, JO: 30, KW: 30, KZ: 20, LB: 28, LC: 32, LI: 21, LT: 20, LU: 20, LV: 21, LY: 25, MC: 27, MD: 24,
  ME: 22, MK: 19, MN: 20, MR: 27, MT: 31, MU: 30, NI: 28, NL: 18, NO: 15, OM: 23, PK: 24, PL: 28, PS: 29, PT: 25,
  QA: 29, RO: 24, RS: 22, RU: 33, SA: 24, SC: 31, SD: 18, SE: 24, SI: 19, SK: 24, SM: 27, SO: 23, ST: 25,
  SV: 28, TL: 23, TN: 24, TR: 26, UA: 29, VA: 22, VG: 24, XK: 20, YE: 30,
};

// The same lengths indexed by the country code's letters (A = 0), 0 where no country registers IBANs.
const lengthByCountry = new Uint8Array(26 * 26);
for (const [country, length] of Object.entries(ibanLengths)) {
  lengthByCountry[(country.charCodeAt(0) - 65) * 26 + country.charCodeAt(1) - 65] = length;
}

/** The registered length of IBANs from the country whose code (two ASCII letters, any case) is at `at`. */
function registeredLength(text: string, at: number): number {
  // '& 0xdf' makes a lower-case letter a capital.
  return lengthByCountry[((text.charCodeAt(at) & 0xdf) - 65) * 26 + (text.charCodeAt(at + 1) & 0xdf) - 65]!;
}

// Country + check digits, then the BBAN either contiguous or in space-separated groups of four, from a run of
// letters and digits that starts after no other letter or digit (checked by the caller). Upper case as
// printed, or all lower case as sometimes typed (checked below).
// Groups may also be joined by hyphens throughout ("DE89-3704-0044-0532-0130-00").
const candidate =
  /[A-Za-z]{2}\d{2}(?:(?: ?[A-Za-z0-9]{4}){2,7}(?: ?[A-Za-z0-9]{1,3})?|(?:-[A-Za-z0-9]{4}){2,7}(?:-[A-Za-z0-9]{1,3})?)(?![A-Za-z0-9])/y;

export function ibanChecksumValid(compact: string): boolean {
  const rearranged = compact.slice(4) + compact.slice(0, 4);
  let remainder = 0;
  for (let i = 0; i < rearranged.length; i++) {
    const code = rearranged.charCodeAt(i);
    if (code >= 48 && code <= 57) remainder = (remainder * 10 + (code - 48)) % 97;
    else remainder = (remainder * 100 + (code - 55)) % 97; // A=10 .. Z=35
  }
  return remainder === 1;
}

/** An IBAN at `start`, where two letters and two digits begin a run of letters and digits. */
export function detectIbanAt(scan: Scan, start: number): void {
  if (start < scan.ibanNext) return;
  const text = scan.text;
  candidate.lastIndex = start;
  const m = candidate.exec(text);
  if (!m) return;
  scan.ibanNext = start + m[0].length;
  let raw = m[0];
  const expected = registeredLength(text, start);
  if (expected === 0) return;
  const separator = raw.charCodeAt(4) === 45 ? '-' : ' ';
  let compact = raw.toUpperCase().replaceAll(separator, '');
  // The optional tail group can swallow a following word; trim back to the registered length.
  while (compact.length > expected && raw.includes(separator)) {
    raw = raw.slice(0, raw.lastIndexOf(separator));
    compact = raw.toUpperCase().replaceAll(separator, '');
  }
  if (raw !== raw.toUpperCase() && raw !== raw.toLowerCase()) return;
  if (compact.length !== expected || !ibanChecksumValid(compact)) return;
  scan.push('IBAN', start, start + raw.length);
}
