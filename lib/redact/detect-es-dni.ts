// Spanish DNI (8 digits + letter) and NIE (X/Y/Z + 7 digits + letter); the letter is a mod-23 checksum.
import type { Detection } from './detection';

const candidate = /(?<![\w.-])(?:(\d{2})\.?(\d{3})\.?(\d{3})|([XYZ])-?(\d{7}))[- ]?([A-Z])(?![\w-])/g;
const checkLetters = 'TRWAGMYFPDXBNJZSQVHLCKE';

export function dniLetterValid(number: string, letter: string): boolean {
  return checkLetters[Number(number) % 23] === letter;
}

export function detectEsDni(text: string): Detection[] {
  const found: Detection[] = [];
  candidate.lastIndex = 0;
  for (let m = candidate.exec(text); m; m = candidate.exec(text)) {
    const number = m[4] !== undefined ? String('XYZ'.indexOf(m[4])) + m[5]! : m[1]! + m[2]! + m[3]!;
    if (!dniLetterValid(number, m[6]!)) continue;
    found.push({ type: 'ES_DNI', start: m.index, end: m.index + m[0].length });
  }
  return found;
}
