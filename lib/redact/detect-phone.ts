// Phone numbers, validated against real numbering plans by libphonenumber-js (small "min" metadata).
import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/min';
import { hasContextBefore, type Detection } from './detection';
import type { Coverage } from './scan';
import { inColumnHeaded } from './table-column';

// A run of digits with the separators people type between groups. Validation decides what it is.
const candidate = /[+(\d][\d ().\/-]{6,23}\d/y;

// Words that make a bare digit run a phone number ("Tel.", "call me on", "Handy", "portable", ...).
// The word must be followed only by punctuation and a few filler words, so "call-bound `5235143`" in a
// changelog or "cell 3 of 12" do not count.
const phoneContext =
  /\b(?:phone|tel|my number|number is|mobile|mob|cell|call|fax|whats ?app|sms|text me|ring|telefon|handy|t[ée]l[ée]phone|portable|telefono|cellulare|tel[ée]fono|m[oó]vil|numer?o de t)(?:[\s.:#=,'"(]|\b(?:me|us|on|at|is|number|nr|no|num|anytime|now|or|de|la|el|il|di|unter|au|le)\b)*$/i;

// A table column headed like this holds phone numbers, however they are written.
const phoneHeader =
  /\b(?:phone|tel|telephone|mobile|cell|fax|telefon|handy|t[ée]l[ée]phone|portable|telefono|cellulare|tel[ée]fono|m[oó]vil|contact number)/i;

function headerSaysPhone(text: string, start: number): boolean {
  return inColumnHeaded(text, start, phoneHeader);
}

// Countries whose national format people paste without a country code; most write a trunk '0' first.
const trunkZeroCountries: CountryCode[] = ['GB', 'DE', 'FR', 'NL', 'IT', 'BE', 'AT', 'CH', 'IE'];
const contextCountries: CountryCode[] = ['US', 'GB', 'DE', 'FR', 'ES', 'IT', 'NL', 'PT', 'PL', 'SE'];

// Dates, times, IP addresses and dotted versions share the digit-run shape.
const looksLikeDate = /^(?:\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4})(?:[ T]|$)/;
const looksLikeDotted = /^\d{1,3}(?:\.\d{1,3}){2,}$/;
// Numbers introduced as something else: NHS numbers, order and account numbers, ISBNs, part numbers.
const notPhoneContext =
  /(?:nhs|isbn|order|invoice|ref|reference|account|acct|sku|part|serial|case|ticket|po|batch|lot|id)\b(?: ?(?:no|nr|number|num|#))?(?:\s+is)?[\s.:#-]*$/i;
const containsDate = /\d{4}-\d\d-\d\d|\d\d[./-]\d\d[./-]\d{4}/;
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

// Parsing against the numbering plan costs tens of microseconds; logs and CSVs repeat the same numbers, so
// results are remembered (bounded, so a huge paste of distinct numbers cannot grow it without limit).
const validity = new Map<string, boolean>();
const validityCacheSize = 4096;

// Numbers written with '+' or '00' carry their own country code.
const withCountryCode: (CountryCode | undefined)[] = [undefined];

// Each country list is a constant; its part of the cache key is built once.
const countryKeys = new WeakMap<(CountryCode | undefined)[], string>();
function countryKey(countries: (CountryCode | undefined)[]): string {
  let key = countryKeys.get(countries);
  if (key === undefined) countryKeys.set(countries, (key = countries.join()));
  return key;
}
const northAmerica: CountryCode[] = ['US', 'CA'];

/** Valid (a real numbering-plan range) or, with `possibleOnly`, merely of a possible length. */
function isValidIn(digits: string, countries: (CountryCode | undefined)[], possibleOnly = false): boolean {
  const key = (possibleOnly ? 'possible:' : '') + countryKey(countries) + ':' + digits;
  let valid = validity.get(key);
  if (valid === undefined) {
    valid = false;
    for (const country of countries) {
      const parsed = parsePhoneNumberFromString(digits, { defaultCountry: country, extract: false });
      if (parsed && (possibleOnly ? parsed.isPossible() : parsed.isValid())) {
        valid = true;
        break;
      }
    }
    if (validity.size >= validityCacheSize) validity.clear();
    validity.set(key, valid);
  }
  return valid;
}

/**
 * Phone numbers in the numeric chunks the scan queued (flat [start, end) pairs, in text order). `covered`
 * tells which offsets already belong to a higher-priority finding (an IBAN's or card's digit groups), so
 * their digits are not also validated as phone numbers.
 */
export function detectPhonesInChunks(
  text: string,
  chunks: readonly number[],
  covered: Coverage,
): Detection[] {
  const found: Detection[] = [];
  for (let c = 0; c < chunks.length; c += 2) {
    const chunkEnd = chunks[c + 1]!;
    // A candidate has at least eight characters and ends with the chunk's last digit at the latest.
    for (let at = chunks[c]!; at <= chunkEnd - 8;) {
      const code = text.charCodeAt(at);
      if (!((code >= 48 && code <= 57) || code === 43 || code === 40)) {
        at++;
        continue;
      }
      candidate.lastIndex = at;
      const m = candidate.exec(text);
      if (!m) {
        at++;
        continue;
      }
      const raw = m[0];
      const end = at + raw.length;
      at = end;
      if (covered.covers(m.index) || covered.covers(end - 1)) continue;
      if (m.index > 0 && gluedBefore(text.charCodeAt(m.index - 1)) && !text.endsWith('tel:', m.index))
        continue;
      if (gluedAfter(text, end)) continue;
      if (acceptPhone(text, raw, m.index)) found.push({ type: 'PHONE', start: m.index, end });
      else {
        // Rescan from the next group: a phone number may directly follow another number.
        const gap = raw.slice(1).search(/[ ./-]/);
        if (gap !== -1) at = m.index + gap + 2;
      }
    }
  }
  return found;
}

// Cheap shape checks come first and the context look-ups last: logs are full of digit runs (dates, ids)
// that are rejected by shape alone.
function acceptPhone(text: string, raw: string, start: number): boolean {
  let count = 0;
  let dateSeparators = false; // '-', '.' or '/': every date and dotted shape below needs one
  for (let i = 0; i < raw.length; i++) {
    const code = raw.charCodeAt(i);
    if (code >= 48 && code <= 57) count++;
    else if (code >= 45 && code <= 47) dateSeparators = true;
  }
  if (count < 7 || count > 15) return false;
  if (dateSeparators && (looksLikeDate.test(raw) || looksLikeDotted.test(raw) || containsDate.test(raw)))
    return false;
  // Dotted phone numbers use dots only ("415.555.0132"); "0.24.0 (2017" is a version and a year.
  if (raw.includes('.') && (/[ ()\/-]/.test(raw) || /(?:^|\.)\d(?:\.|$)/.test(raw))) return false;
  // Phone numbers never end in a one-digit group; ISBNs ("0-306-40615-2") and part numbers do.
  if (/[ ./-]\d$/.test(raw)) return false;
  const digits = count === raw.length ? raw : raw.replace(/\D/g, '');
  if (raw.startsWith('+') || raw.startsWith('00')) {
    const international = '+' + (raw.startsWith('00') ? digits.slice(2) : digits);
    if (isValidIn(international, withCountryCode)) return true;
    // Introduced as a phone number: a possible length is enough, which admits the fictional ranges
    // (UK 07700 900xxx, US 555) that forms and test data use.
    return isValidIn(international, withCountryCode, true) && hasContextBefore(text, start, phoneContext);
  }
  if (!nationalNumberValid(text, raw, digits, start)) return false;
  // Numbers introduced as something else (NHS, order, ISBN, part number) are not phones.
  return !hasContextBefore(text, start, notPhoneContext, 24);
}

function nationalNumberValid(text: string, raw: string, digits: string, start: number): boolean {
  if (/[ ().\/-]/.test(raw)) {
    if (nanpShape.test(raw) && isValidIn(digits, northAmerica)) return true;
    // Without context, a national number must be complete: short ones are extensions, parts, codes.
    // Two-digit groups are hex bytes or codes ("01 02 03 04") unless it is the French ten-digit layout.
    const trunkShape =
      digits.startsWith('0') &&
      digits.length >= 10 &&
      /^[\d(]/.test(raw) &&
      (!/^\(?0\d\)?[ .-]/.test(raw) || /^0\d(?:[ .-]\d\d){4}$/.test(raw));
    if (trunkShape && isValidIn(digits, trunkZeroCountries)) return true;
  }
  if (!hasContextBefore(text, start, phoneContext) && !headerSaysPhone(text, start)) return false;
  if (isValidIn(digits, contextCountries) || isValidIn(digits, trunkZeroCountries)) return true;
  // Introduced as a phone number and laid out like one (North American, or national with a trunk '0'):
  // accept a possible length even in unassigned ranges, as in the fictional "555-123-4567" or
  // "07700 900123" that forms and test data are full of.
  if (nanpShape.test(raw)) return true;
  return /^0\d/.test(digits) && /[ ().\/-]/.test(raw) && isValidIn(digits, trunkZeroCountries, true);
}
