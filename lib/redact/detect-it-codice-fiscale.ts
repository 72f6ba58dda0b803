// Italian codice fiscale: 16 characters (surname, name, birth date and place) with a check letter.
// Digits may be replaced by letters (omocodia) when two people would otherwise share a code.
import type { Scan } from './scan';

// A whole run of 16 letters and digits (checked by the caller): upper case as printed, or all lower case as
// sometimes typed. Digits may be replaced by letters (omocodia) in the upper-case form only: in lower case,
// six letters and two digits are what set a code apart from words.
const upperCase = /[A-Z]{6}[0-9LMNPQRSTUV]{2}[ABCDEHLMPRST][0-9LMNPQRSTUV]{2}[A-Z][0-9LMNPQRSTUV]{3}[A-Z]/y;
const lowerCase = /[a-z]{6}\d\d[abcdehlmprst][0-9lmnpqrstuv]{2}[a-z][0-9lmnpqrstuv]{3}[a-z]/y;

// Values of characters in odd (1st, 3rd, ...) positions; digits 0-9 share the values of A-J.
const oddValues = [
  1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23,
];

function charIndex(code: number): number {
  return code <= 57 ? code - 48 : code - 65; // '0'-'9' -> 0-9, 'A'-'Z' -> 0-25
}

export function codiceFiscaleValid(code: string): boolean {
  let sum = 0;
  for (let i = 0; i < 15; i++) {
    const index = charIndex(code.charCodeAt(i));
    sum += i % 2 === 0 ? oddValues[index]! : index;
  }
  return code.charCodeAt(15) - 65 === sum % 26;
}

/** A codice fiscale at `start`, where a run of exactly 16 letters and digits begins. */
export function detectCodiceFiscaleAt(scan: Scan, start: number): void {
  const text = scan.text;
  const first = text.charCodeAt(start);
  const candidate = first <= 90 ? upperCase : lowerCase;
  candidate.lastIndex = start;
  if (!candidate.test(text)) return;
  if (codiceFiscaleValid(text.slice(start, start + 16).toUpperCase()))
    scan.push('IT_CODICE_FISCALE', start, start + 16);
}
