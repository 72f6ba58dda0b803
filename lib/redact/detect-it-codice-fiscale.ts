// Italian codice fiscale: 16 characters (surname, name, birth date and place) with a check letter.
// Digits may be replaced by letters (omocodia) when two people would otherwise share a code.
import type { Detection } from './detection';

// Upper case as printed, or all lower case as sometimes typed; two case-sensitive scans are much faster
// than one case-insensitive one.
const candidates = [
  /[A-Z](?<![A-Za-z0-9][A-Z])[A-Z]{5}[0-9LMNPQRSTUV]{2}[ABCDEHLMPRST][0-9LMNPQRSTUV]{2}[A-Z][0-9LMNPQRSTUV]{3}[A-Z](?![A-Za-z0-9])/g,
  // Lower case is anchored on the birth-year digits: lower-case letters are everywhere, digits are not.
  /\d\d(?<=(?<![A-Za-z0-9])[a-z]{6}\d\d)[abcdehlmprst][0-9lmnpqrstuv]{2}[a-z][0-9lmnpqrstuv]{3}[a-z](?![A-Za-z0-9])/g,
];

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

export function detectItCodiceFiscale(text: string): Detection[] {
  const found: Detection[] = [];
  for (const candidate of candidates) {
    candidate.lastIndex = 0;
    for (let m = candidate.exec(text); m; m = candidate.exec(text)) {
      // The lower-case scan matches from the year digits; the six letters before belong to the code.
      const start = candidate === candidates[0] ? m.index : m.index - 6;
      const code = text.slice(start, m.index + m[0].length);
      if (!codiceFiscaleValid(code.toUpperCase())) continue;
      found.push({ type: 'IT_CODICE_FISCALE', start, end: start + code.length });
    }
  }
  return found;
}
