// US Social Security numbers within the ranges the SSA actually issues.
import { standsAlone, type Scan } from './scan';
import { inColumnHeaded } from './table-column';

// AAA-GG-SSSS anywhere, from the start of a run of digits that stands alone (checked by the caller).
const hyphenated = /\d{3}-\d{2}-\d{4}(?![\w\/]|[.-]\d)/y;
// Bare ("536228714") or spaced ("536 22 8714") forms are everyday numbers too; they only count right
// after an SSN context word, so the scan hands over the words and this looks at the number that follows.
const contextWord = /(?:ssn|social security|soc\.? ?sec|ss#|tax ?payer id|itin)/iy;
// A table column headed like this holds SSNs, however they are written.
const headerContext = /\b(?:ssn|social security|soc\.? ?sec|taxpayer id|itin)/i;
const headerWord = /(?:ssn|social security|soc\.? ?sec|taxpayer id|itin)/iy;
// A cell holding only nine digits (optionally spaced 3-2-4), for the table-column check, from a run of
// digits that starts a cell (checked here).
const bareInTable = /\d{3}( ?)\d{2}\1\d{4}(?=[ \t]*(?:[,;\t|]|$))/my;
const numberAfterContext = /[^\n\d]{0,20}?(\d{3})( ?)(\d{2})\2(\d{4})(?![\w\/]|[.-]\d)/y;

export function ssnRangeValid(area: string, group: string, serial: string): boolean {
  const a = Number(area);
  // 000, 666 and 900-999 are never issued (9xx are ITINs); 00 groups and 0000 serials neither.
  return a !== 0 && a !== 666 && a < 900 && group !== '00' && serial !== '0000';
}

/** Hyphenated SSNs anywhere, and bare ones in a column headed like an SSN column, in the current chunk. */
export function detectSsnsInChunk(scan: Scan): void {
  if (scan.chunkDigits < 9) return;
  const { text, runStarts, runEnds } = scan;
  for (let r = 0; r < scan.runCount; r++) {
    const at = runStarts[r]!;
    const length = runEnds[r]! - at;
    const after = text.charCodeAt(runEnds[r]!);
    if (length === 3 && after === 45 && at >= scan.ssnNext && standsAlone(text, at)) {
      hyphenated.lastIndex = at;
      const m = hyphenated.exec(text);
      if (m) {
        const raw = m[0];
        scan.ssnNext = at + raw.length;
        if (ssnRangeValid(raw.slice(0, 3), raw.slice(4, 6), raw.slice(7)))
          scan.push('US_SSN', at, scan.ssnNext);
      }
    }
    // Bare numbers in a table: only once something in the paste was headed like an SSN column.
    if (scan.ssnMentioned && (length === 9 || (length === 3 && after === 32)) && at >= scan.ssnTableNext) {
      bareInTable.lastIndex = at;
      const m = startsCell(text, at) ? bareInTable.exec(text) : null;
      if (!m) continue;
      const raw = m[0];
      scan.ssnTableNext = at + raw.length;
      const digitsOnly = raw.replace(/ /g, '');
      if (
        ssnRangeValid(digitsOnly.slice(0, 3), digitsOnly.slice(3, 5), digitsOnly.slice(5)) &&
        inColumnHeaded(text, at, headerContext)
      )
        scan.push('US_SSN', at, scan.ssnTableNext);
    }
  }
}

/** Whether only spaces and tabs stand between `at` and the start of its line or cell. */
function startsCell(text: string, at: number): boolean {
  let i = at - 1;
  for (; i >= 0; i--) {
    const code = text.charCodeAt(i);
    if (code === 9) return true; // a tab separates cells
    if (code !== 32) break;
  }
  if (i < 0) return true;
  const code = text.charCodeAt(i);
  return (
    code === 44 ||
    code === 59 ||
    code === 124 ||
    code === 10 ||
    code === 13 ||
    code === 0x2028 ||
    code === 0x2029
  );
}

/**
 * At a word that may be an SSN context word ("SSN", "social security", "ITIN"): remember that the paste
 * mentions SSNs, and take a bare or spaced number following it.
 */
export function detectSsnAfterWord(scan: Scan, start: number): void {
  const text = scan.text;
  contextWord.lastIndex = start;
  const word = contextWord.exec(text);
  if (!word) return;
  if (!scan.ssnMentioned) {
    headerWord.lastIndex = start;
    scan.ssnMentioned = headerWord.test(text);
  }
  numberAfterContext.lastIndex = start + word[0].length;
  const n = numberAfterContext.exec(text);
  if (!n || !ssnRangeValid(n[1]!, n[3]!, n[4]!)) return;
  const end = numberAfterContext.lastIndex;
  const numberStart = end - (n[1]!.length + n[3]!.length + n[4]!.length + 2 * n[2]!.length);
  // A digit right before means the number started earlier ("1536228714"): not an SSN.
  if (/[\w.\/-]/.test(text[numberStart - 1] ?? ' ')) return;
  scan.push('US_SSN', numberStart, end);
}
