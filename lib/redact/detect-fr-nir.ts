// French social security number (NIR): sex, birth year and month, département (2A/2B for Corsica),
// commune, order number and a two-digit key = 97 - (number mod 97).
import { standsAlone, type Scan } from './scan';

// From the start of a run of digits that stands alone (checked by the caller).
const candidate =
  /[1-478] ?\d{2} ?(?:0[1-9]|1[0-2]|20|[3-9]\d) ?(?:\d{2}|2[AB]) ?\d{3} ?\d{3} ?\d{2}(?![\w\/]|[.-]\d)/y;

function mod97(digits: string): number {
  let remainder = 0;
  for (let i = 0; i < digits.length; i++) remainder = (remainder * 10 + digits.charCodeAt(i) - 48) % 97;
  return remainder;
}

export function frNirValid(compact: string): boolean {
  if (!/^[1-478]\d{4}(?:\d{2}|2[AB])\d{8}$/.test(compact)) return false;
  // Corsica: 2A counts as 19 and 2B as 18 for the key.
  const body = compact.slice(0, 13).replace('2A', '19').replace('2B', '18');
  return 97 - mod97(body) === Number(compact.slice(13));
}

/** NIRs starting in the scan's current numeric chunk. */
export function detectFrNirsInChunk(scan: Scan): void {
  const { text, runStarts, runEnds, chunkEnd } = scan;
  // Fifteen digits, or a Corsican département ("2A", "2B") ending the chunk after at least five.
  const afterChunk = text.charCodeAt(chunkEnd);
  const corsica = text.charCodeAt(chunkEnd - 1) === 50 && (afterChunk === 65 || afterChunk === 66);
  if (scan.chunkDigits < (corsica ? 5 : 15)) return;
  for (let r = 0; r < scan.runCount; r++) {
    const at = runStarts[r]!;
    const first = text.charCodeAt(at);
    if (
      at < scan.frNirNext ||
      !(first === 49 || first === 50 || first === 51 || first === 52 || first === 55 || first === 56)
    )
      continue;
    const after = text.charCodeAt(runEnds[r]!);
    if (runEnds[r]! - at !== 15 && after !== 32 && after !== 65 && after !== 66) continue;
    candidate.lastIndex = at;
    const m = standsAlone(text, at) ? candidate.exec(text) : null;
    if (!m) continue;
    scan.frNirNext = at + m[0].length;
    if (frNirValid(m[0].replace(/ /g, ''))) scan.push('FR_NIR', at, scan.frNirNext);
  }
}
