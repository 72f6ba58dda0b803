// US Social Security numbers within the ranges the SSA actually issues, and not one of the published
// samples or a number the text itself calls a placeholder.
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
const numberAfterContext = /[^\n\d]{0,20}?(\d{3})([ .]?)(\d{2})\2(\d{4})(?![\w\/]|[.-]\d)/y;
// Numbers printed as examples: the Woolworth wallet card (078-05-1120), the SSA's own advertising sample
// (219-09-9999) and the counting sequence every form uses (123-45-6789).
const publishedSamples = new Set(['078051120', '219099999', '123456789']);
// Words that say the number next to them is not a real one.
const sampleWord =
  /\b(?:sample|example|e\.g|placeholder|dummy|fake|invalid|test|fictional|fictitious|beispiel|z\.b|ejemplo|exemple|esempio)\b/i;

export function ssnRangeValid(area: string, group: string, serial: string): boolean {
  const a = Number(area);
  // 000, 666 and 900-999 are never issued (9xx are ITINs); 00 groups and 0000 serials neither.
  return a !== 0 && a !== 666 && a < 900 && group !== '00' && serial !== '0000';
}

/** Issued ranges, and neither a published sample nor one digit repeated ("111-11-1111"). */
export function ssnIssuable(area: string, group: string, serial: string): boolean {
  const digits = area + group + serial;
  return ssnRangeValid(area, group, serial) && !publishedSamples.has(digits) && !/^(\d)\1{8}$/.test(digits);
}

/** Whether the line around [start, end) calls the number a sample, a placeholder or a test value. */
function markedAsSample(text: string, start: number, end: number): boolean {
  // The line's 32 characters before and 24 after, found without searching a long line for its ends.
  let from = start;
  while (from > 0 && from > start - 32 && text.charCodeAt(from - 1) !== 10) from--;
  let to = end;
  while (to < text.length && to < end + 24 && text.charCodeAt(to) !== 10) to++;
  return sampleWord.test(text.slice(from, start)) || sampleWord.test(text.slice(end, to));
}

function pushSsn(scan: Scan, start: number, end: number): void {
  if (!markedAsSample(scan.text, start, end)) scan.push('US_SSN', start, end);
}

/** Hyphenated SSNs anywhere, and bare ones in a column headed like an SSN column, in the current chunk. */
export function detectSsnsInChunk(scan: Scan): void {
  // The hyphenated form (two hyphens) anywhere; bare and spaced ones only once the paste has mentioned SSNs.
  if (scan.chunkDigits < 9 || (scan.chunkHyphens < 2 && !scan.ssnMentioned)) return;
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
        if (ssnIssuable(raw.slice(0, 3), raw.slice(4, 6), raw.slice(7))) pushSsn(scan, at, scan.ssnNext);
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
        ssnIssuable(digitsOnly.slice(0, 3), digitsOnly.slice(3, 5), digitsOnly.slice(5)) &&
        inColumnHeaded(text, at, headerContext)
      )
        pushSsn(scan, at, scan.ssnTableNext);
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
  if (!n || !ssnIssuable(n[1]!, n[3]!, n[4]!)) return;
  const end = numberAfterContext.lastIndex;
  const numberStart = end - (n[1]!.length + n[3]!.length + n[4]!.length + 2 * n[2]!.length);
  // A digit right before means the number started earlier ("1536228714"): not an SSN.
  if (/[\w.\/-]/.test(text[numberStart - 1] ?? ' ')) return;
  pushSsn(scan, numberStart, end);
}
