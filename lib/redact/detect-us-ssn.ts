// US Social Security numbers within the ranges the SSA actually issues.
import type { Detection } from './detection';
import { inColumnHeaded } from './table-column';

// AAA-GG-SSSS anywhere. The first digit comes before the look-behind so V8 skips quickly to candidates.
const hyphenated = /\d(?<![\w.\/-]\d)\d{2}-\d{2}-\d{4}(?![\w\/]|[.-]\d)/g;
// Bare ("536228714") or spaced ("536 22 8714") forms are everyday numbers too; they only count right
// after an SSN context word, so the scan looks for the words and then at the number that follows.
const contextWord = /\b(?:ssn|social security|soc\.? ?sec|ss#|tax ?payer id|itin)/gi;
// A cell holding only nine digits (optionally spaced 3-2-4), for the table-column check. The scan stops at
// digits and looks back for the cell's start, rather than trying every position as a possible cell start.
const bareInTable = /\d(?<=(?:^|[,;\t|])[ \t]*\d)\d{2}( ?)\d{2}\1\d{4}(?=[ \t]*(?:[,;\t|]|$))/gm;
const headerContext = /\b(?:ssn|social security|soc\.? ?sec|taxpayer id|itin)/i;
const numberAfterContext = /[^\n\d]{0,20}?(\d{3})( ?)(\d{2})\2(\d{4})(?![\w\/]|[.-]\d)/y;

export function ssnRangeValid(area: string, group: string, serial: string): boolean {
  const a = Number(area);
  // 000, 666 and 900-999 are never issued (9xx are ITINs); 00 groups and 0000 serials neither.
  return a !== 0 && a !== 666 && a < 900 && group !== '00' && serial !== '0000';
}

export function detectUsSsn(text: string): Detection[] {
  const found: Detection[] = [];
  hyphenated.lastIndex = 0;
  for (let m = hyphenated.exec(text); m; m = hyphenated.exec(text)) {
    const raw = m[0];
    if (!ssnRangeValid(raw.slice(0, 3), raw.slice(4, 6), raw.slice(7))) continue;
    found.push({ type: 'US_SSN', start: m.index, end: m.index + raw.length });
  }
  // Bare numbers in a table column headed "SSN".
  // The table scan only matters when something in the paste is headed like an SSN column.
  bareInTable.lastIndex = 0;
  const mentionsSsn = headerContext.test(text);
  for (let m = mentionsSsn ? bareInTable.exec(text) : null; m; m = bareInTable.exec(text)) {
    const raw = m[0];
    const start = m.index;
    const digits = raw.replace(/ /g, '');
    if (!ssnRangeValid(digits.slice(0, 3), digits.slice(3, 5), digits.slice(5))) continue;
    if (!inColumnHeaded(text, start, headerContext)) continue;
    found.push({ type: 'US_SSN', start, end: start + raw.length });
  }
  contextWord.lastIndex = 0;
  for (let m = contextWord.exec(text); m; m = contextWord.exec(text)) {
    numberAfterContext.lastIndex = m.index + m[0].length;
    const n = numberAfterContext.exec(text);
    if (!n || !ssnRangeValid(n[1]!, n[3]!, n[4]!)) continue;
    const end = numberAfterContext.lastIndex;
    const start = end - (n[1]!.length + n[3]!.length + n[4]!.length + 2 * n[2]!.length);
    // A digit right before means the number started earlier ("1536228714"): not an SSN.
    if (/[\w.\/-]/.test(text[start - 1] ?? ' ')) continue;
    found.push({ type: 'US_SSN', start, end });
  }
  return found;
}
