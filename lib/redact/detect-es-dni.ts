// Spanish DNI (8 digits + letter) and NIE (X/Y/Z + 7 digits + letter); the letter is a mod-23 checksum.
import { hasContextBefore } from './detection';
import { standsAlone, type Scan } from './scan';

// Both start where a number or word stands alone (not after a word character, '.' or '-'; checked by the
// caller).
// The letters may be typed in lower case ("12345678z", "x1234567l").
const dniCandidate = /(\d{2})\.?(\d{3})\.?(\d{3})[- ]?([A-Za-z])(?![\w-])/y;
const nieCandidate = /([XYZ])-?(\d{7})[- ]?([A-Z])(?![\w-])|([xyz])-?(\d{7})[- ]?([a-z])(?![\w-])/y;
const checkLetters = 'TRWAGMYFPDXBNJZSQVHLCKE';

export function dniLetterValid(number: string, letter: string): boolean {
  return checkLetters[Number(number) % 23] === letter;
}

// DNIs below ten million are often written without their leading zero ("1111111-G"); seven digits and a
// letter are everyday codes too, so that form needs a DNI label right before it.
const sevenDigitDni = /(\d{7})[- ]?([A-Za-z])(?![\w-])/y;
const dniContext =
  /\b(?:dni|nif|d\.n\.i\.?|n\.i\.f\.?|documento(?: nacional)?(?: de identidad)?)[\s.:#º°-]*(?:n[º°o]\.?[\s:]*)?$/i;

/** DNIs in the scan's current numeric chunk. */
export function detectDnisInChunk(scan: Scan): void {
  const { text, runStarts, runEnds } = scan;
  // The check letter follows the number's last digit, which ends the chunk (a letter ends any chunk, and a
  // '-' or ' ' before the letter is not followed by a digit): most chunks have no letter after them.
  if (scan.chunkDigits < 7 || !letterAfter(text, scan.chunkEnd)) return;
  for (let r = 0; r < scan.runCount; r++) {
    const at = runStarts[r]!;
    const length = runEnds[r]! - at;
    // Eight digits, or "12.345.678".
    if (at < scan.dniNext) continue;
    if (length === 7) {
      detectSevenDigitDni(scan, at);
      continue;
    }
    if (length !== 8 && !((length === 2 || length === 5) && text.charCodeAt(at + length) === 46)) continue;
    // Eight digits then the letter, perhaps after '-' or ' '.
    if (length === 8 && !letterAfter(text, at + 8)) continue;
    dniCandidate.lastIndex = at;
    const m = standsAlone(text, at, false) ? dniCandidate.exec(text) : null;
    if (!m) continue;
    scan.dniNext = at + m[0].length;
    if (dniLetterValid(m[1]! + m[2]! + m[3]!, m[4]!.toUpperCase())) scan.push('ES_DNI', at, scan.dniNext);
  }
}

function letterAfter(text: string, at: number): boolean {
  let code = text.charCodeAt(at);
  if (code === 45 || code === 32) code = text.charCodeAt(at + 1);
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

function detectSevenDigitDni(scan: Scan, at: number): void {
  if (!letterAfter(scan.text, at + 7)) return;
  const text = scan.text;
  sevenDigitDni.lastIndex = at;
  const m = standsAlone(text, at, false) ? sevenDigitDni.exec(text) : null;
  if (!m || !hasContextBefore(text, at, dniContext, 24)) return;
  scan.dniNext = at + m[0].length;
  if (dniLetterValid('0' + m[1]!, m[2]!.toUpperCase())) scan.push('ES_DNI', at, scan.dniNext);
}

/** A NIE at `start`, where a word starting with X, Y or Z begins. X, Y, Z stand for 0, 1, 2 in the checksum. */
export function detectNieAt(scan: Scan, start: number): void {
  if (start < scan.nieNext || !standsAlone(scan.text, start, false)) return;
  nieCandidate.lastIndex = start;
  const m = nieCandidate.exec(scan.text);
  if (!m) return;
  scan.nieNext = start + m[0].length;
  const upper = m[1] !== undefined;
  const prefix = (upper ? m[1]! : m[4]!).toUpperCase();
  const letter = (upper ? m[3]! : m[6]!).toUpperCase();
  if (dniLetterValid(String('XYZ'.indexOf(prefix)) + (upper ? m[2]! : m[5]!), letter)) {
    scan.push('ES_DNI', start, scan.nieNext);
  }
}
