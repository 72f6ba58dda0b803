// Phone numbers, validated against real numbering plans by libphonenumber-js (small "min" metadata).
import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/min';
import { hasContextBefore, type Detection } from './detection';

// A run of digits with the separators people type between groups. Validation decides what it is.
const candidate = /(?:\+|\b00)?\(?\d[\d ().\/-]{5,22}\d/g;

// Words that make a bare digit run a phone number ("Tel.", "call me on", "Handy", "portable", ...).
const phoneContext =
  /(?:phone|tel|mobile|mob|cell|call|fax|whats ?app|sms|text me|ring|telefon|handy|t[ée]l[ée]phone|portable|telefono|cellulare|tel[ée]fono|m[oó]vil|numer?o de t)\b[^\n\d]{0,24}$/i;

// Countries whose national format people paste without a country code; most write a trunk '0' first.
const trunkZeroCountries: CountryCode[] = ['GB', 'DE', 'FR', 'NL', 'IT', 'BE', 'AT', 'CH', 'IE'];
const contextCountries: CountryCode[] = ['US', 'GB', 'DE', 'FR', 'ES', 'IT', 'NL', 'PT', 'PL', 'SE'];

// Dates, times, IP addresses and dotted versions share the digit-run shape.
const looksLikeDate = /^(?:\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4})(?:[ T]|$)/;
const looksLikeDotted = /^\d{1,3}(?:\.\d{1,3}){2,}$/;
const nanpShape = /^(?:1[ .-]?)?(?:\(\d{3}\) ?|\d{3}[ .-])\d{3}[ .-]\d{4}$/;

// A match glued to one of these is part of something else: an identifier, amount, path, version or range.
function gluedBefore(code: number): boolean {
  return (
    (code >= 48 && code <= 57) ||
    (code >= 65 && code <= 90) ||
    (code >= 97 && code <= 122) ||
    code === 95 /* _ */ ||
    code === 46 /* . */ ||
    code === 35 /* # */ ||
    code === 36 /* $ */ ||
    code === 0x20ac /* € */ ||
    code === 0xa3 /* £ */ ||
    code === 47 /* / */ ||
    code === 58 /* : */ ||
    code === 45 /* - */ ||
    code === 61 /* = */
  );
}

function gluedAfter(text: string, end: number): boolean {
  const code = text.charCodeAt(end);
  if (Number.isNaN(code)) return false;
  if ((code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95)
    return true;
  if (code === 37 /* % */ || code === 47 /* / */ || code === 58 /* : */) return true;
  // "1.2.3" or "12-34": a separator followed by more digits means the run continues as something else.
  if ((code === 46 || code === 45) && /\d/.test(text[end + 1] ?? '')) return true;
  return false;
}

function isValidIn(digits: string, countries: CountryCode[]): boolean {
  for (const country of countries) {
    if (parsePhoneNumberFromString(digits, country)?.isValid()) return true;
  }
  return false;
}

export function detectPhone(text: string): Detection[] {
  const found: Detection[] = [];
  candidate.lastIndex = 0;
  for (let m = candidate.exec(text); m; m = candidate.exec(text)) {
    const raw = m[0];
    const start = m.index;
    const end = start + raw.length;
    if (start > 0 && gluedBefore(text.charCodeAt(start - 1))) continue;
    if (gluedAfter(text, end)) continue;
    if (acceptPhone(text, raw, start)) found.push({ type: 'PHONE', start, end });
    else {
      // Rescan from the next group: a phone number may directly follow another number.
      const gap = raw.slice(1).search(/[ ./-]/);
      if (gap !== -1) candidate.lastIndex = start + gap + 2;
    }
  }
  return found;
}

function acceptPhone(text: string, raw: string, start: number): boolean {
  const digits = raw.replace(/\D/g, '');
  if (digits.length < 7 || digits.length > 15) return false;
  if (looksLikeDate.test(raw) || looksLikeDotted.test(raw)) return false;
  if (raw.startsWith('+') || raw.startsWith('00')) {
    const international = '+' + (raw.startsWith('00') ? digits.slice(2) : digits);
    return parsePhoneNumberFromString(international)?.isValid() ?? false;
  }
  const grouped = /[ ().\/-]/.test(raw);
  const context = hasContextBefore(text, start, phoneContext);
  if (!grouped && !context) return false;
  if (context) return isValidIn(digits, contextCountries) || isValidIn(digits, trunkZeroCountries);
  if (nanpShape.test(raw)) return isValidIn(digits, ['US', 'CA']);
  if (digits.startsWith('0') && /^[\d(]/.test(raw)) return isValidIn(digits, trunkZeroCountries);
  return false;
}
