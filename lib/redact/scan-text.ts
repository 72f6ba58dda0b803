// The single pass over the text. It finds where personal data could start (runs of digits, words that begin
// like a token, a context word or a country code, '@', ':', '=', "-----BEGIN", a spelled-out "at") and hands
// each candidate to the detector that validates it. Phone numbers, the costliest to validate, are checked
// after the pass, skipping digits that other findings already cover.
import {
  detectAssignmentAt,
  detectAuthorizationAt,
  detectGluedTokenIn,
  detectKnownTokenAt,
  detectPrivateKeyAt,
  detectSecretAfterScheme,
  detectTelegramTokenAt,
  mayStartToken,
} from './detect-api-key';
import { detectCardsInChunk } from './detect-credit-card';
import { detectDeTaxIdsInChunk } from './detect-de-tax-id';
import { detectEmailAt, detectSpelledEmailAt } from './detect-email';
import { detectDnisInChunk, detectNieAt } from './detect-es-dni';
import { detectFrNirsInChunk } from './detect-fr-nir';
import { detectIbanAt } from './detect-iban';
import { detectIpv4InChunk, detectIpv6At } from './detect-ip-address';
import { detectCodiceFiscaleAt } from './detect-it-codice-fiscale';
import { detectPhonesInChunks } from './detect-phone';
import { detectNinoAt } from './detect-uk-nino';
import { detectSsnAfterWord, detectSsnsInChunk } from './detect-us-ssn';
import { isDigitCode, isLetterCode, type Detection } from './detection';
import { isParcelNumber } from './product-and-parcel-numbers';
import { Coverage, Scan } from './scan';
import type { PiiType } from './settings';

// What each character is to the scan: only ASCII ones start something; everything else (spaces, most
// punctuation, non-ASCII) is OTHER and starts nothing. Word characters are numbered first so that `kind <= UNDERSCORE` tests for one.
const OTHER = 0;
const DIGIT = 1;
const LOWER = 2;
const UPPER = 3;
const UNDERSCORE = 4;
const AT = 5;
const COLON = 6;
const EQUALS = 7;
const DASH = 8;
const BRACKET = 9; // '[', '{' or '<': a spelled-out "[at]"
const OPEN_PAREN = 10; // a spelled-out "(at)", or a phone number's "(212)"
const PLUS = 11;

// One slot per UTF-16 code unit, so a lookup needs no range check.
const kinds = new Uint8Array(0x10000);
for (let c = 48; c <= 57; c++) kinds[c] = DIGIT;
for (let c = 97; c <= 122; c++) kinds[c] = LOWER;
for (let c = 65; c <= 90; c++) kinds[c] = UPPER;
kinds[95] = UNDERSCORE;
kinds[64] = AT;
kinds[58] = COLON;
kinds[61] = EQUALS;
kinds[45] = DASH;
kinds[91] = BRACKET;
kinds[123] = BRACKET;
kinds[60] = BRACKET;
kinds[40] = OPEN_PAREN;
kinds[43] = PLUS;

/** The kind of a `charCodeAt` result; NaN (past either end of the text) is OTHER, as `NaN & 0xffff` is 0. */
function kindOf(code: number): number {
  return kinds[code & 0xffff]!;
}

// Words whose first two characters may start something: a token format, an SSN context word ("ssn", "social",
// "tax payer", "itin"), "bearer", "basic" or "token" before a credential, "at" and its Spanish, French and
// Italian names in a spelled-out address, a NIE's X, Y or Z. Every other word is skipped at once.
const wordPairs = new Uint8Array(128 * 128);
for (let first = 0; first < 128; first++) {
  for (let second = 0; second < 128; second++) {
    const a = first | 32;
    const b = second | 32;
    const ssn =
      (a === 115 && (b === 115 || b === 111)) || (a === 116 && b === 97) || (a === 105 && b === 116);
    const credential = (a === 98 && (b === 101 || b === 97)) || (a === 116 && b === 111);
    const atWord = a === 97 && (b === 116 || b === 114);
    const chiocciola = a === 99 && b === 104;
    const nie = (first >= 88 && first <= 90) || (first >= 120 && first <= 122);
    if (ssn || credential || atWord || chiocciola || nie || mayStartToken(first, second)) {
      wordPairs[first * 128 + second] = 1;
    }
  }
}

function pairIndex(first: number, second: number): number {
  return (first & 127) * 128 + (second & 127);
}

/** Which detectors run, as fields rather than set look-ups on every candidate. */
interface Enabled {
  email: boolean;
  phone: boolean;
  card: boolean;
  iban: boolean;
  ssn: boolean;
  ip: boolean;
  apiKey: boolean;
  nino: boolean;
  deTaxId: boolean;
  frNir: boolean;
  codiceFiscale: boolean;
  dni: boolean;
  /** Any detector of numbers. */
  numbers: boolean;
  /** Any detector that looks at the start of words (tokens, context words, spelled "at", a NIE). */
  words: boolean;
  /** Any detector of runs of letters and digits (IBAN, NINO, codice fiscale). */
  letterRuns: boolean;
}

function enabledDetectors(types: ReadonlySet<PiiType>): Enabled {
  const email = types.has('EMAIL');
  const phone = types.has('PHONE');
  const card = types.has('CREDIT_CARD');
  const iban = types.has('IBAN');
  const ssn = types.has('US_SSN');
  const ip = types.has('IP_ADDRESS');
  const apiKey = types.has('API_KEY');
  const nino = types.has('UK_NINO');
  const deTaxId = types.has('DE_TAX_ID');
  const frNir = types.has('FR_NIR');
  const codiceFiscale = types.has('IT_CODICE_FISCALE');
  const dni = types.has('ES_DNI');
  return {
    email,
    phone,
    card,
    iban,
    ssn,
    ip,
    apiKey,
    nino,
    deTaxId,
    frNir,
    codiceFiscale,
    dni,
    numbers: phone || card || ssn || ip || deTaxId || frNir || dni,
    words: apiKey || ssn || email || dni,
    letterRuns: iban || nino || codiceFiscale,
  };
}

/** Every built-in type's detections in `text` (overlapping ones included; the caller resolves them). */
export function scanText(text: string, types: ReadonlySet<PiiType>): Detection[] {
  const scan = new Scan(text);
  const on = enabledDetectors(types);
  const n = text.length;
  let i = 0;
  while (i < n) {
    const code = text.charCodeAt(i);
    // Spaces, most punctuation and non-ASCII characters start nothing: one look-up skips them.
    if (kinds[code] === OTHER) {
      i++;
      continue;
    }
    if ((code >= 97 && code <= 122) || (code >= 65 && code <= 90) || code === 95) {
      // A word: letters, digits and '_'. Most are prose and start nothing, so they are skipped right here.
      const start = i;
      let firstDigit = -1;
      // The first and last '_' of the word (a word may start with one).
      let firstUnderscore = code === 95 ? start : -1;
      let underscore = firstUnderscore;
      for (i++; i < n; i++) {
        const c = text.charCodeAt(i);
        if (isLetterCode(c)) continue;
        if (c >= 48 && c <= 57) {
          if (firstDigit < 0) firstDigit = i;
        } else if (c === 95) {
          if (firstUnderscore < 0) firstUnderscore = i;
          underscore = i;
        } else {
          break;
        }
      }
      const length = i - start;
      // The word's letters and digits before any '_': "RSSMRA85T10A562S_cf" starts with a codice fiscale.
      const runLength = (firstUnderscore < 0 ? i : firstUnderscore) - start;
      // A word glued to the digits before it ("4111abc") is not at a word boundary.
      if (start === 0 || !isDigitCode(text.charCodeAt(start - 1))) {
        if (on.words && wordPairs[pairIndex(code, text.charCodeAt(start + 1))] === 1)
          wordStart(scan, on, start, i);
        // Two letters then digits (an IBAN's country, a NINO's prefix), or sixteen characters (a codice fiscale).
        if (
          on.letterRuns &&
          (firstDigit === start + 2 ||
            runLength === 16 ||
            (length === 2 && text.charCodeAt(i) === 32 && isDigitCode(text.charCodeAt(i + 1))))
        ) {
          letterRun(scan, on, start, i);
        }
      }
      if (length >= 20 && on.apiKey) detectGluedTokenIn(scan, start, i);
      if (underscore >= 0 && on.letterRuns) afterUnderscores(scan, on, start, underscore, i);
      // Digits ending the word start a numeric chunk glued to it ("on1 800 555 0199"): the detectors see it
      // and reject what is glued to a word, rather than taking the digits after it for a number of their own.
      if (on.numbers) while (isDigitCode(text.charCodeAt(i - 1))) i--;
    } else if (code >= 48 && code <= 57) {
      i = scanNumber(scan, on, i);
    } else {
      const kind = kinds[code]!;
      if (kind === PLUS) {
        i = scanNumber(scan, on, i);
      } else {
        scanPunctuation(scan, on, i, kind);
        i = kind === OPEN_PAREN ? scanNumber(scan, on, i) : i + 1;
      }
    }
  }
  if (on.phone && scan.phoneChunks.length > 0) scanPhones(scan);
  return scan.found;
}

/**
 * A numeric chunk from `start` (a digit, '+' or '('): the run of digits and the separators people type
 * between groups (space, ( ) . / -), up to its last digit. Returns where the pass continues.
 */
function scanNumber(scan: Scan, on: Enabled, start: number): number {
  const text = scan.text;
  if (start < scan.digitlessUntil) return start + 1;
  let digits = 0;
  let end = start;
  // The chunk's runs of digits are recorded as they are read, for the detectors below.
  let runs = 0;
  let dots = 0;
  let hyphens = 0;
  let i = text.charCodeAt(start) === 43 ? start + 1 : start;
  // A run of digits (or none), then a separator, until a character that is neither: past the end of the
  // text, charCodeAt's NaN is neither.
  for (;;) {
    let code = text.charCodeAt(i);
    if (isDigitCode(code)) {
      const runStart = i;
      do code = text.charCodeAt(++i);
      while (isDigitCode(code));
      scan.setRun(runs++, runStart, i);
      digits += i - runStart;
      end = i;
    }
    if (code === 46) dots++;
    else if (code === 45) hyphens++;
    else if (code !== 32 && code !== 40 && code !== 41 && code !== 47) break;
    i++;
  }
  if (digits === 0) {
    // No '(' before `i` can start a number either: remember that, so "((((" is not rescanned.
    scan.digitlessUntil = i;
    return start + 1;
  }
  // Nothing this engine detects has fewer than four digits: most numbers (dates, times, amounts) stop here.
  if (digits < 4 || !on.numbers) return end;
  scan.runCount = runs;
  scan.chunkStart = start;
  scan.chunkEnd = end;
  scan.chunkDigits = digits;
  scan.chunkDots = dots;
  scan.chunkHyphens = hyphens;
  const before = scan.found.length;
  if (on.ip) detectIpv4InChunk(scan);
  if (on.dni) detectDnisInChunk(scan);
  if (on.ssn) detectSsnsInChunk(scan);
  if (on.deTaxId) detectDeTaxIdsInChunk(scan);
  if (on.frNir) detectFrNirsInChunk(scan);
  if (on.card) detectCardsInChunk(scan);
  // A parcel tracking number is claimed whole, so no card or phone number is read from its digits. Asked
  // only when something was found in it (phone numbers are asked after the pass).
  if (scan.found.length > before && isParcelNumber(scan.text, start, end, digits)) {
    scan.found.length = before;
    return end;
  }
  if (on.phone && digits >= 7) scan.phoneChunks.push(start, end, digits);
  return end;
}

/** Phone numbers in the queued chunks ([start, end, digits] triples), except in parcel numbers. */
function scanPhones(scan: Scan): void {
  const chunks = scan.phoneChunks;
  const phones = detectPhonesInChunks(scan.text, chunks, new Coverage(scan.found));
  // Phones come in text order, each inside one chunk: walk the chunks alongside, asking once per chunk.
  let c = 0;
  let askedFor = -1;
  let parcel = false;
  for (const phone of phones) {
    while (chunks[c + 1]! <= phone.start) c += 3;
    if (askedFor !== c) {
      askedFor = c;
      parcel = isParcelNumber(scan.text, chunks[c]!, chunks[c + 1]!, chunks[c + 2]!);
    }
    if (!parcel) scan.found.push(phone);
  }
}

/** Runs of letters and digits after an underscore ("IBAN_DE89...") start after no other letter or digit. */
function afterUnderscores(scan: Scan, on: Enabled, start: number, lastUnderscore: number, end: number): void {
  const text = scan.text;
  for (let i = start + 1; i <= lastUnderscore + 1; i++) {
    if (text.charCodeAt(i - 1) === 95 && text.charCodeAt(i) !== 95) letterRun(scan, on, i, end);
  }
}

/** Candidates at the start of a word: token prefixes, context words, "at", a NIE's letter. */
function wordStart(scan: Scan, on: Enabled, start: number, end: number): void {
  const text = scan.text;
  const first = text.charCodeAt(start);
  const second = text.charCodeAt(start + 1);
  const length = end - start;
  if (on.apiKey) {
    if (mayStartToken(first, second)) detectKnownTokenAt(scan, start);
    if ((length === 5 || length === 6) && credentialWord.test(text.slice(start, end))) {
      detectAuthorizationAt(scan, start);
    }
  }
  if (on.ssn && ssnWordStart(text, start, length)) detectSsnAfterWord(scan, start);
  if (on.email && start > 0 && (length === 2 || length >= 6) && spelledAtWord.test(text.slice(start, end))) {
    // " at " between spaces: the spelled-out form starts at the space.
    if (/\s/.test(text.charAt(start - 1))) detectSpelledEmailAt(scan, start - 1);
  }
  const lower = first | 32;
  if (on.dni && lower >= 120 && lower <= 122) detectNieAt(scan, start);
}

const credentialWord = /^(?:bearer|basic|token)$/i;
// "at", and '@' spelled in Spanish, Portuguese, French and Italian.
const spelledAtWord = /^(?:at|arroba|arobase|chiocciola)$/i;

/** Whether the word may start an SSN context word: "ssn", "ss#", "soc(ial) sec(urity)", "tax payer", "itin". */
function ssnWordStart(text: string, start: number, length: number): boolean {
  const a = text.charCodeAt(start) | 32;
  const b = text.charCodeAt(start + 1) | 32;
  const c = text.charCodeAt(start + 2) | 32;
  if (a === 115 && b === 115) return length === 2 ? text.charCodeAt(start + 2) === 35 : c === 110;
  if (a === 115) return b === 111 && c === 99;
  if (a === 116) return b === 97 && c === 120;
  return a === 105 && b === 116 && c === 105;
}

/**
 * Candidates at a run of letters and digits that starts with two letters at `start`: an IBAN's country code,
 * a NINO's prefix, a codice fiscale. Callers call it only after no other letter or digit (at the start of a
 * word not glued to digits, or after an underscore). `wordEnd` bounds the run.
 */
function letterRun(scan: Scan, on: Enabled, start: number, wordEnd: number): void {
  const text = scan.text;
  const first = kindOf(text.charCodeAt(start));
  const second = kindOf(text.charCodeAt(start + 1));
  if ((first !== LOWER && first !== UPPER) || (second !== LOWER && second !== UPPER)) return;
  const third = text.charCodeAt(start + 2);
  const fourthIsDigit = kindOf(text.charCodeAt(start + 3)) === DIGIT;
  if (on.iban && kindOf(third) === DIGIT && fourthIsDigit) detectIbanAt(scan, start);
  if (on.nino && first === second && (kindOf(third) === DIGIT || (third === 32 && fourthIsDigit))) {
    detectNinoAt(scan, start);
  }
  if (on.codiceFiscale) {
    let runEnd = start + 2;
    while (runEnd < wordEnd && kindOf(text.charCodeAt(runEnd)) !== UNDERSCORE) runEnd++;
    if (runEnd - start === 16) detectCodiceFiscaleAt(scan, start);
  }
}

/** Candidates at '@', ':', '=', '-', '[', '{', '<' or '('. */
function scanPunctuation(scan: Scan, on: Enabled, at: number, kind: number): void {
  const text = scan.text;
  switch (kind) {
    case AT:
      if (on.email) detectEmailAt(scan, at);
      return;
    case COLON:
      if (on.ip) detectIpv6At(scan, at);
      if (on.apiKey) {
        const next = text.charCodeAt(at + 1);
        if (next === 47 && text.charCodeAt(at + 2) === 47) detectSecretAfterScheme(scan, at);
        else if (next === 65 && text.charCodeAt(at + 2) === 65) detectTelegramTokenAt(scan, at);
        detectAssignmentAt(scan, at);
      }
      return;
    case EQUALS:
      if (on.apiKey) detectAssignmentAt(scan, at);
      return;
    case DASH:
      if (on.apiKey && text.charCodeAt(at + 1) === 45 && text.startsWith('-----BEGIN', at)) {
        detectPrivateKeyAt(scan, at);
      }
      return;
    default: {
      // '[', '{', '<', '(': a bracketed "at" of a spelled-out address.
      const next = text.charCodeAt(at + 1);
      if (on.email && ((next | 32) === 97 || next === 32)) detectSpelledEmailAt(scan, at);
    }
  }
}
