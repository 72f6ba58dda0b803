// German tax identification number (Steuerliche Identifikationsnummer): 11 digits, ISO 7064 MOD 11,10
// check digit, and in the first ten digits exactly one digit repeated (twice, or three times non-adjacent).
import { hasContextBefore, type Detection } from './detection';

// The first character comes before the look-behind so V8 can skip quickly to candidate positions.
const candidate = /[1-9](?<![\w.\/-][1-9])\d ?\d{3} ?\d{3} ?\d{3}(?![\w\/]|[.-]\d)/g;
const taxIdContext =
  /\b(?:steuer|steuer-?id|idnr|identifikationsnummer|st\.? ?-?id|tin|tax (?:id|identification)|tax number)\b[^\n\d]{0,24}$/i;
// A paste that names the German tax id anywhere (a CSV header, a form title) is context for all its
// 11-digit numbers that pass the check digit and digit-distribution rules.
const documentContext = /steuer-?id|steuer-?idnr|identifikationsnummer|\bidnr\b/i;

export function deTaxIdValid(digits: string): boolean {
  if (!/^[1-9]\d{10}$/.test(digits)) return false;
  const counts = new Array<number>(10).fill(0);
  for (let i = 0; i < 10; i++) counts[digits.charCodeAt(i) - 48]!++;
  const repeated = counts.filter((c) => c > 1);
  if (repeated.length !== 1 || repeated[0]! > 3) return false;
  if (repeated[0] === 3 && /(\d)\1\1/.test(digits.slice(0, 10))) return false;
  let product = 10;
  for (let i = 0; i < 10; i++) {
    let sum = (digits.charCodeAt(i) - 48 + product) % 10;
    if (sum === 0) sum = 10;
    product = (sum * 2) % 11;
  }
  const check = (11 - product) % 10;
  return check === digits.charCodeAt(10) - 48;
}

export function detectDeTaxId(text: string): Detection[] {
  const found: Detection[] = [];
  let mentioned: boolean | undefined;
  candidate.lastIndex = 0;
  for (let m = candidate.exec(text); m; m = candidate.exec(text)) {
    const raw = m[0];
    const digits = raw.replace(/ /g, '');
    if (!deTaxIdValid(digits)) continue;
    // Unspaced or irregularly spaced 11-digit runs are common ids; the official "12 345 678 901" grouping
    // or context (just before, or anywhere in the paste) is needed as well.
    const officialGrouping = /^\d{2} \d{3} \d{3} \d{3}$/.test(raw);
    if (!officialGrouping && !hasContextBefore(text, m.index, taxIdContext)) {
      mentioned ??= documentContext.test(text);
      if (!mentioned) continue;
    }
    found.push({ type: 'DE_TAX_ID', start: m.index, end: m.index + raw.length });
  }
  return found;
}
