// Spanish DNI (8 digits + letter) and NIE (X/Y/Z + 7 digits + letter); the letter is a mod-23 checksum.
import type { Detection } from './detection';

// The first character comes before the look-behind so V8 can skip quickly to candidate positions.
const dniCandidate = /(\d)(?<![\w.-]\d)(\d)\.?(\d{3})\.?(\d{3})[- ]?([A-Z])(?![\w-])/g;
const nieCandidate = /([XYZ])(?<![\w.-][XYZ])-?(\d{7})[- ]?([A-Z])(?![\w-])/g;
const checkLetters = 'TRWAGMYFPDXBNJZSQVHLCKE';

export function dniLetterValid(number: string, letter: string): boolean {
  return checkLetters[Number(number) % 23] === letter;
}

export function detectEsDni(text: string): Detection[] {
  const found: Detection[] = [];
  dniCandidate.lastIndex = 0;
  for (let m = dniCandidate.exec(text); m; m = dniCandidate.exec(text)) {
    if (!dniLetterValid(m[1]! + m[2]! + m[3]! + m[4]!, m[5]!)) continue;
    found.push({ type: 'ES_DNI', start: m.index, end: m.index + m[0].length });
  }
  // NIE: X, Y, Z stand for 0, 1, 2 in the checksum.
  nieCandidate.lastIndex = 0;
  for (let m = nieCandidate.exec(text); m; m = nieCandidate.exec(text)) {
    if (!dniLetterValid(String('XYZ'.indexOf(m[1]!)) + m[2]!, m[3]!)) continue;
    found.push({ type: 'ES_DNI', start: m.index, end: m.index + m[0].length });
  }
  return found;
}
