// Phone numbers, validated against real numbering plans by libphonenumber-js (small "min" metadata).
import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/min';
import { hasContextBefore, isLetterCode, type Detection } from './detection';
import type { Coverage } from './scan';
import {
  containsDate,
  DASH,
  DATE_SEPARATORS,
  DOT,
  dottedOneDigitGroup,
  dutchMobileLayout,
  frenchLayout,
  Layout,
  looksLikeDate,
  looksLikeDotted,
  nanpShape,
  oneDigitLastGroup,
  PAREN,
  SLASH,
  SPACE,
  twoDigitStart,
} from './phone-layout';
import { inColumnHeaded } from './table-column';

// Words that make a bare digit run a phone number ("Tel.", "call me on", "Handy", "Cep no", "電話", ...), in
// the languages people paste in. The word must be followed only by punctuation and a few filler words, so
// "call-bound `5235143`" in a changelog or "cell 3 of 12" do not count.
const latinPhoneWords =
  'phone|phone number|tel|telephone|t[ée]l[ée]phone|t[ée]l|telefon|telefonnummer|telefone|tel[ée]fono|telefono|' +
  'telefoon|telepono|telp|tlf|tfn|fon|mobile|mob|mobil|mobiel|m[oó]vil|celular|cellulare|cell|cellphone|handy|' +
  'natel|gsm|portable|fax|cep|puh|puhelin|kom[oó]rka|whats ?app|sms|call|callback|ring|text me|my number|number is|' +
  'contact number|numer?o de t|rufnummer|festnetz|durchwahl|sđt|no hp';
const otherPhoneWords =
  '電話|电话|手机|手機|携帯|전화|휴대폰|핸드폰|тел|телефон|моб|τηλ|τηλέφωνο|κινητό|هاتف|جوال|טלפון|נייד|फ़ोन|फोन|โทร|เบอร์|điện thoại';
const phoneWord = `(?:\\b(?:${latinPhoneWords})\\b|${otherPhoneWords})`;
const phoneContext = new RegExp(
  phoneWord +
    `(?:[\\s.:#=,'"(+]|[éè]|\\b(?:me|us|on|at|is|ist|est|es|number|nr|no|num|nummer|anytime|now|or|de|la|el|il|di|unter|au|le|do|da|du|sur|op)\\b)*$`,
  'i',
);
// Weaker context: a phone word earlier in the same line with other words (but no other number) between
// ("móvil de empresa será el ...", "call the office on ..."), or a kind of line right after the number
// ("614-555-0122 (work)"). The number must then also be valid in a numbering plan.
const phoneWordInLine = new RegExp(`${phoneWord}[^\\n\\d]*$`, 'i');
const lineKindAfter =
  /[ \t]*[(\[]?(?:work|home|office|direct|main|cell|mobile|fax|landline|private|privat|b[üu]ro|dienstlich|domicile|bureau|trabajo|casa|ufficio)\b/iy;

// A table column headed like this holds phone numbers, however they are written.
const phoneHeader = new RegExp(`(?:\\b(?:${latinPhoneWords})|${otherPhoneWords})`, 'i');

function headerSaysPhone(text: string, start: number): boolean {
  return !firstLineOfBlock(text, start) && inColumnHeaded(text, start, phoneHeader);
}

/**
 * Whether the line holding `at` is the first of its block of lines (the text's first line, or one after an
 * empty line): such a line heads its table, if any, and no column is headed above it (see columnHeaderAt in
 * table-column.ts). Most numbers in prose are on one, and are answered here without the look for the header
 * line. (A line after a line of spaces is left to columnHeaderAt.)
 */
function firstLineOfBlock(text: string, at: number): boolean {
  // The numbers of one line ask in turn (candidates come in text order): finding the line's start anew for
  // each would read the line before it every time, quadratic on a long one-line paste of numbers.
  if (at < knownLineEnd) return knownLineFirst;
  const lineBreak = text.lastIndexOf('\n', at - 1);
  const lineEnd = text.indexOf('\n', at);
  knownLineEnd = lineEnd === -1 ? text.length : lineEnd;
  knownLineFirst = lineBreak <= 0 || text.charCodeAt(lineBreak - 1) === 10;
  return knownLineFirst;
}

// Where the line firstLineOfBlock answered for last ends, and its answer; forgotten when
// detectPhonesInChunks starts on a text.
let knownLineEnd = 0;
let knownLineFirst = false;

// Numbers introduced as something else: NHS numbers, order and account numbers, ISBNs, part numbers.
const notPhoneContext =
  /(?:nhs|isbn|order|invoice|ref|reference|account|acct|sku|part|serial|case|ticket|po|batch|lot|id|tag|booking|reservation|confirmation|member(?:ship)?|contract|policy|claim|licen[cs]e|permit|registration|model|build|version|kunden|auftrags|rechnungs|vertrags|bestell)\b(?: ?(?:no|nr|number|num|#|nummer))?(?:\s+is)?[\s.:#-]*$/i;

// A match glued to one of these is part of something else: an identifier, amount, path, version or range.
function gluedBeforeCode(code: number): boolean {
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

// At the start of the text, charCodeAt(-1) is NaN: glued to nothing.
function gluedBefore(text: string, start: number): boolean {
  const code = text.charCodeAt(start - 1);
  if (!gluedBeforeCode(code)) return false;
  // "+1 202-555-0143/+1 202-555-0144": a list of numbers.
  if (code === 47 && text.charCodeAt(start) === 43) return !isDigitAt(text, start - 2);
  // "Tel:+44 ...", "phone=4155550132", "Tel.0221 ...": a label, not a time, port, variable or decimal.
  if (code === 58 || code === 61 || code === 46) return !hasContextBefore(text, start, phoneContext);
  return true;
}

function isDigitAt(text: string, index: number): boolean {
  const code = text.charCodeAt(index);
  return code >= 48 && code <= 57;
}

// An extension after the number: "x12", " ext. 12", " extension 12", " Durchwahl 12", " poste 12".
const extension =
  /(?:x|[ \t]*(?:ext\.?|extension|durchwahl|dw\.?|poste|anexo|interno)[ \t]*)\d{1,6}(?![\w])/iy;

/** Length of an extension written right after the number at `end`, or 0. */
function extensionAt(text: string, end: number): number {
  extension.lastIndex = end;
  return extension.test(text) ? extension.lastIndex - end : 0;
}

// At the end of the text, charCodeAt is NaN, which no test below accepts: glued to nothing.
function gluedAfter(text: string, end: number): boolean {
  const code = text.charCodeAt(end);
  const next = text.charCodeAt(end + 1);
  if ((code === 120 || code === 88) && extensionAt(text, end) > 0) return false; // "0143x12"
  if ((code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95)
    return true;
  if (code === 37 /* % */) return true;
  // "10:30" or "/path": a ':' or '/' followed by more of something; "0018: ask", "0143/+1 ..." are fine.
  if (code === 58) return !(Number.isNaN(next) || next === 32 || next === 10 || next === 9 || next === 13);
  if (code === 47) return !(Number.isNaN(next) || next === 43 || next === 32 || next === 10);
  // "1.2.3" or "12-34": a separator followed by more digits means the run continues as something else.
  if ((code === 46 || code === 45) && isDigitAt(text, end + 1)) return true;
  return false;
}

// Maths and code: a number with an operator and another operand next to it ("y = 415 902 3310 mod 17",
// "2125550187 * 3") is a value, not a phone number. '/' is left out: in prose it separates alternatives
// ("cell / work"); after '-' or '+' the other operand must be short, as "020 7946 0958 - 020 7946 0959" is
// a list of numbers.
const operatorAfter = /[ \t]*(?:(?:[*×÷^%=]|mod\b|div\b)[ \t]*\d|[-+][ \t]*\d{1,6}(?!\d|[ .-]\d))/iy;
const operatorBefore = /(?:[\w)][ \t]*[+*×÷^%]|(?:^|\n|[^\w\s])[ \t]*[A-Za-z_]\w{0,2}[ \t]+=)[ \t]*$/;

function isOperand(text: string, start: number, end: number): boolean {
  // Both patterns need an operator (or "mod", "div") as the first character past spaces and tabs: most
  // numbers have none, and are answered without a regular expression or a copy of the text before them.
  let after = end;
  while (isSpaceOrTab(text.charCodeAt(after))) after++;
  if (operatorStartsAt(text.charCodeAt(after))) {
    operatorAfter.lastIndex = end;
    if (operatorAfter.test(text)) return true;
  }
  const from = Math.max(0, start - 16);
  let before = start - 1;
  while (before >= from && isSpaceOrTab(text.charCodeAt(before))) before--;
  return (
    before >= from && operatorEndsAt(text.charCodeAt(before)) && operatorBefore.test(text.slice(from, start))
  );
}

function isSpaceOrTab(code: number): boolean {
  return code === 32 || code === 9;
}

/** '*', '×', '÷', '^', '%', '=', '-', '+', or the first letter of "mod" or "div" (see operatorAfter). */
function operatorStartsAt(code: number): boolean {
  const lower = code | 32;
  return isOperatorSymbol(code) || code === 45 || code === 43 || lower === 109 || lower === 100;
}

/** '+', '*', '×', '÷', '^', '%' or '=' (see operatorBefore). */
function operatorEndsAt(code: number): boolean {
  return isOperatorSymbol(code) || code === 43;
}

/** '*', '×', '÷', '^', '%' or '='. */
function isOperatorSymbol(code: number): boolean {
  return code === 42 || code === 0xd7 || code === 0xf7 || code === 94 || code === 37 || code === 61;
}

/**
 * Numbering-plan checks against a list of countries, any of which may hold the number. Parsing costs tens of
 * microseconds; logs and CSVs repeat the same numbers, so answers are remembered per list, keyed by the
 * digits alone (bounded, so a huge paste of distinct numbers cannot grow them without limit).
 */
class NumberingPlans {
  private readonly valid = new Map<string, boolean>();
  private readonly possible = new Map<string, boolean>();

  /** `prefix` goes before the digits when parsing: '+' for numbers that carry their country code. */
  constructor(
    private readonly countries: readonly (CountryCode | undefined)[],
    private readonly prefix = '',
  ) {}

  /** Valid: in a real numbering-plan range. */
  isValid(digits: string): boolean {
    return this.check(digits, this.valid, false);
  }

  /** Merely of a possible length. */
  isPossible(digits: string): boolean {
    return this.check(digits, this.possible, true);
  }

  private check(digits: string, answers: Map<string, boolean>, possibleOnly: boolean): boolean {
    let answer = answers.get(digits);
    if (answer === undefined) {
      answer = false;
      for (const country of this.countries) {
        const parsed = parsePhoneNumberFromString(this.prefix + digits, {
          defaultCountry: country,
          extract: false,
        });
        if (parsed && (possibleOnly ? parsed.isPossible() : parsed.isValid())) {
          answer = true;
          break;
        }
      }
      if (answers.size >= validityCacheSize) answers.clear();
      answers.set(digits, answer);
    }
    return answer;
  }
}
const validityCacheSize = 4096;

// Numbers written with '+' or '00' carry their own country code.
const withCountryCode = new NumberingPlans([undefined], '+');
const northAmerica = new NumberingPlans(['US', 'CA']);
// Countries whose national format people paste without a country code; most write a trunk '0' first.
const trunkZeroCountries = new NumberingPlans(['GB', 'DE', 'FR', 'NL', 'IT', 'BE', 'AT', 'CH', 'IE']);
const contextCountries = new NumberingPlans([
  'US',
  'GB',
  'DE',
  'FR',
  'ES',
  'IT',
  'NL',
  'PT',
  'PL',
  'SE',
  'BR',
  'IN',
  'AU',
  'MX',
  'JP',
  'CN',
]);

/**
 * Phone numbers in the numeric chunks the scan queued (flat [start, end, digits] triples, in text order). `covered`
 * tells which offsets already belong to a higher-priority finding (an IBAN's or card's digit groups), so
 * their digits are not also validated as phone numbers.
 */
export function detectPhonesInChunks(
  text: string,
  chunks: readonly number[],
  covered: Coverage,
): Detection[] {
  const found: Detection[] = [];
  knownLineEnd = 0;
  for (let c = 0; c < chunks.length; c += 3) {
    const chunkEnd = chunks[c + 1]!;
    // A candidate starts at '+', '(' or a digit and takes the separators and digits after it, up to 25
    // characters in all, ending with a digit: at least eight characters, within the chunk (whose characters
    // after its first are all digits and separators).
    for (let at = chunks[c]!; at <= chunkEnd - 8;) {
      const code = text.charCodeAt(at);
      if (!((code >= 48 && code <= 57) || code === 43 || code === 40)) {
        at++;
        continue;
      }
      // Digits another finding covers (a card's, an SSN's) start no candidate, and end one before them.
      if (covered.covers(at)) {
        at++;
        continue;
      }
      let end = Math.min(at + 25, chunkEnd);
      if (covered.overlaps(at, end)) {
        let free = at + 1;
        while (!covered.covers(free)) free++;
        end = free;
      }
      while (end > at + 1 && !isDigitAt(text, end - 1)) end--;
      if (end - at < 8) {
        at++;
        continue;
      }
      const start = at;
      at = end;
      if (gluedBefore(text, start)) continue;
      // Glued to what follows (more digits, when the 25 characters ran out), a candidate is part of something
      // else, but a list may still start with a number ("Tel: 212-555-0187 / 212-555-0188").
      const glued = gluedAfter(text, end);
      const accepted = !glued && acceptPhone(text, start, end) ? end : longestPhonePrefix(text, start, end);
      if (accepted > 0) {
        found.push({ type: 'PHONE', start, end: accepted + extensionAt(text, accepted) });
        at = accepted;
      } else if (!glued) {
        // Rescan from the next group: a phone number may directly follow another number.
        for (let i = start + 1; i < end; i++) {
          const separator = text.charCodeAt(i);
          if (separator === 32 || separator === 46 || separator === 47 || separator === 45) {
            at = i + 1;
            break;
          }
        }
      }
    }
  }
  return found;
}

/**
 * When a candidate that runs into a second number fails ("020 7946 0958 - 020 7946 0959"), the longest part
 * before the separator, in whole groups, that is a phone number on its own; returns its end, or 0.
 */
function longestPhonePrefix(text: string, start: number, end: number): number {
  // Only where the candidate lists two numbers: " - ", " / " or a double space between them. (The candidate
  // ends with a digit, so reading one character past a space near its end finds no list.)
  let list = start;
  while (list < end && !listSeparatorAt(text, list)) list++;
  if (list === end) return 0;
  for (let cut = list; cut > start + 7; cut--) {
    if (!isDigitAt(text, cut - 1) || isDigitAt(text, cut)) continue;
    if (!gluedAfter(text, cut) && acceptPhone(text, start, cut)) return cut;
  }
  return 0;
}

/** " - ", " / " or two spaces at `at`. */
function listSeparatorAt(text: string, at: number): boolean {
  if (text.charCodeAt(at) !== 32) return false;
  const next = text.charCodeAt(at + 1);
  return next === 32 || ((next === 45 || next === 47) && text.charCodeAt(at + 2) === 32);
}

// Cheap shape checks come first and the context look-ups last: logs are full of digit runs (dates, ids)
// that are rejected by shape alone.
// One candidate is judged at a time: its layout is read into this one object.
const layout = new Layout();

function acceptPhone(text: string, start: number, end: number): boolean {
  const shape = layout.read(text, start, end);
  if (shape.digits < 7 || shape.digits > 15) return false;
  if (
    (shape.separators & DATE_SEPARATORS) !== 0 &&
    !frenchLayout(shape) &&
    (looksLikeDate(shape) || looksLikeDotted(shape) || containsDate(shape))
  )
    return false;
  // Dotted phone numbers use dots only ("415.555.0132"); "0.24.0 (2017" is a version and a year. (A one-digit
  // last group is refused next, with the other separators.)
  if (
    (shape.separators & DOT) !== 0 &&
    ((shape.separators & (SPACE | PAREN | SLASH | DASH)) !== 0 || dottedOneDigitGroup(shape))
  )
    return false;
  // Phone numbers never end in a one-digit group; ISBNs ("0-306-40615-2") and part numbers do.
  if (oneDigitLastGroup(shape)) return false;
  const digits = shape.digitString();
  const plus = text.charCodeAt(start) === 43;
  if (plus || (text.charCodeAt(start) === 48 && text.charCodeAt(start + 1) === 48)) {
    const international = plus ? digits : digits.slice(2);
    if (withCountryCode.isValid(international)) return true;
    // Introduced as a phone number: a possible length is enough, which admits the fictional ranges
    // (UK 07700 900xxx, US 555) that forms and test data use.
    return withCountryCode.isPossible(international) && labelBefore(text, start);
  }
  if (completeNationalNumber(shape, digits)) {
    if (isOperand(text, start, end) && !labelled(text, start)) return false;
  } else if (labelled(text, start)) {
    if (!labelledNationalNumber(shape, digits)) return false;
  } else if (digits.length < 9 || !weakContext(text, start, end) || !validNationalNumber(shape, digits)) {
    return false;
  }
  // Numbers introduced as something else (NHS, order, ISBN, part number) are not phones.
  return !hasContextBefore(text, start, notPhoneContext, 24);
}

/** Whether the candidate has a separator: a '(' or ')', ' ', '.', '/' or '-'. */
function isGrouped(shape: Layout): boolean {
  return (shape.separators & (SPACE | PAREN | DOT | SLASH | DASH)) !== 0;
}

/** A national number valid as written, without a label: North American, or complete with its trunk '0'. */
function completeNationalNumber(shape: Layout, digits: string): boolean {
  if (!isGrouped(shape)) return false;
  if (nanpShape(shape) && northAmerica.isValid(digits)) return true;
  // Without context, a national number must be complete: short ones are extensions, parts, codes.
  // A two-digit first group starts hex bytes or codes ("01 02 03 04", "05 74 700 616"), except in the
  // French ten-digit layout and the Dutch mobile one ("06-12345678").
  const trunkShape =
    digits.charCodeAt(0) === 48 &&
    digits.length >= 10 &&
    (!twoDigitStart(shape) || frenchLayout(shape) || dutchMobileLayout(shape));
  return trunkShape && trunkZeroCountries.isValid(digits);
}

function weakContext(text: string, start: number, end: number): boolean {
  if (letterAfterSpace(text, end)) {
    lineKindAfter.lastIndex = end;
    if (lineKindAfter.test(text)) return true;
  }
  // The words since the last digit or line break, if they hold a letter at all.
  let from = start;
  let letters = false;
  while (from > 0 && from > start - 48) {
    const code = text.charCodeAt(from - 1);
    if ((code >= 48 && code <= 57) || code === 10) break;
    if (code >= 65) letters = true;
    from--;
  }
  return letters && phoneWordInLine.test(text.slice(from, start));
}

/** Whether an ASCII letter follows `end` after spaces, tabs and one '(' or '[': a kind of line may start there. */
function letterAfterSpace(text: string, end: number): boolean {
  let at = end;
  while (isSpaceOrTab(text.charCodeAt(at))) at++;
  const code = text.charCodeAt(at);
  return isLetterCode(code === 40 || code === 91 ? text.charCodeAt(at + 1) : code);
}

/**
 * A phone label right before `start` ("Tel.: ", "call me on "). Every label ends in a letter once the
 * punctuation after it is skipped, which rules out most numbers (in tables, after other numbers) at once.
 */
function labelBefore(text: string, start: number): boolean {
  let i = start - 1;
  while (i >= 0 && text.charCodeAt(i) < 128 && fillerPunctuation[text.charCodeAt(i)] === 1) i--;
  if (i < 0) return false;
  const code = text.charCodeAt(i);
  if (!((code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code >= 128)) return false;
  return hasContextBefore(text, start, phoneContext);
}

// Spaces and punctuation allowed between a label and its number (the filler of phoneContext).
const fillerPunctuation = new Uint8Array(128);
for (const c of ' \t\n\r\v\f.:#=,\'"(+') fillerPunctuation[c.charCodeAt(0)] = 1;

function labelled(text: string, start: number): boolean {
  return labelBefore(text, start) || headerSaysPhone(text, start);
}

/** A national number valid in one of the countries people paste from (or North American in layout). */
function validNationalNumber(shape: Layout, digits: string): boolean {
  return nanpShape(shape) || contextCountries.isValid(digits) || trunkZeroCountries.isValid(digits);
}

/**
 * A national number right after a phone label. Introduced as a phone number, a number grouped like one (8 to
 * 13 digits) is accepted without a numbering plan: the fictional "555-123-4567" and "07700 900123" of forms
 * and test data, and any country's national format ("Cep no: 0532 123 45 67", "電話: 03-1234-5678",
 * "celular (11) 91234-5678"). Ungrouped digits must be valid in a numbering plan.
 */
function labelledNationalNumber(shape: Layout, digits: string): boolean {
  if (isGrouped(shape) && digits.length >= 8 && digits.length <= 13) return true;
  return validNationalNumber(shape, digits);
}
