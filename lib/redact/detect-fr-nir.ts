// French social security number (NIR): sex, birth year and month, département (2A/2B for Corsica),
// commune, order number and a two-digit key = 97 - (number mod 97).
import type { Detection } from './detection';

const candidate =
  /([1-478])(?<![\w.\/-][1-478]) ?(\d{2}) ?(0[1-9]|1[0-2]|20|[3-9]\d) ?(\d{2}|2[AB]) ?(\d{3}) ?(\d{3}) ?(\d{2})(?![\w\/]|[.-]\d)/g;

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

export function detectFrNir(text: string): Detection[] {
  const found: Detection[] = [];
  candidate.lastIndex = 0;
  for (let m = candidate.exec(text); m; m = candidate.exec(text)) {
    if (!frNirValid(m[0].replace(/ /g, ''))) continue;
    found.push({ type: 'FR_NIR', start: m.index, end: m.index + m[0].length });
  }
  return found;
}
