// German tax identification number (Steuerliche Identifikationsnummer): 11 digits, ISO 7064 MOD 11,10
// check digit, and in the first ten digits exactly one digit repeated (twice, or three times non-adjacent).
import { hasContextBefore } from './detection';
import { standsAlone, type Scan } from './scan';

// From the start of a run of digits not glued to a word, path, version or range (checked by the caller).
const candidate = /[1-9]\d ?\d{3} ?\d{3} ?\d{3}(?![\w\/]|[.-]\d)/y;
const taxIdContext =
  /\b(?:steuer|steuer-?id|idnr|identifikationsnummer|st\.? ?-?id|tin|tax (?:id|identification)|tax number)\b[^\n\d]{0,24}$/i;
// A paste that names the German tax id anywhere (a CSV header, a form title) is context for all its
// 11-digit numbers that pass the check digit and digit-distribution rules.
const documentContext = /steuer-?id|steuer-?idnr|identifikationsnummer|\bidnr\b/i;

// How often each digit occurs in the first ten, reused by every call (each runs to completion).
const digitCounts = new Uint8Array(10);

export function deTaxIdValid(digits: string): boolean {
  if (!/^[1-9]\d{10}$/.test(digits)) return false;
  digitCounts.fill(0);
  for (let i = 0; i < 10; i++) digitCounts[digits.charCodeAt(i) - 48]!++;
  // Exactly one digit occurs more than once, and at most three times.
  let repeatedDigits = 0;
  let times = 0;
  for (const count of digitCounts) {
    if (count > 1) {
      repeatedDigits++;
      times = count;
    }
  }
  if (repeatedDigits !== 1 || times > 3) return false;
  if (times === 3 && /(\d)\1\1/.test(digits.slice(0, 10))) return false;
  let product = 10;
  for (let i = 0; i < 10; i++) {
    let sum = (digits.charCodeAt(i) - 48 + product) % 10;
    if (sum === 0) sum = 10;
    product = (sum * 2) % 11;
  }
  const check = (11 - product) % 10;
  return check === digits.charCodeAt(10) - 48;
}

/** German tax ids in the scan's current numeric chunk. */
export function detectDeTaxIdsInChunk(scan: Scan): void {
  if (scan.chunkDigits < 11) return;
  const { text, runStarts, runEnds } = scan;
  for (let r = 0; r < scan.runCount; r++) {
    const at = runStarts[r]!;
    const length = runEnds[r]! - at;
    // Eleven digits, or groups of 2, 3, 3, 3 with optional spaces between them; never a leading 0.
    if (at < scan.deTaxIdNext || text.charCodeAt(at) === 48) continue;
    if (
      length !== 11 &&
      !((length === 2 || length === 5 || length === 8) && text.charCodeAt(at + length) === 32)
    )
      continue;
    candidate.lastIndex = at;
    const m = standsAlone(text, at) ? candidate.exec(text) : null;
    if (!m) continue;
    const raw = m[0];
    scan.deTaxIdNext = at + raw.length;
    if (!deTaxIdValid(raw.replace(/ /g, ''))) continue;
    // Unspaced or irregularly spaced 11-digit runs are common ids; the official "12 345 678 901" grouping
    // or context (just before, or anywhere in the paste) is needed as well.
    const officialGrouping = /^\d{2} \d{3} \d{3} \d{3}$/.test(raw);
    if (officialGrouping || hasContextBefore(text, at, taxIdContext) || mentioned(scan))
      scan.push('DE_TAX_ID', at, at + raw.length);
  }
}

function mentioned(scan: Scan): boolean {
  return (scan.deTaxIdMentioned ??= documentContext.test(scan.text));
}
