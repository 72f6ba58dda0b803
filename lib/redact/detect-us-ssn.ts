// US Social Security numbers within the ranges the SSA actually issues.
import { hasContextBefore, type Detection } from './detection';

// AAA-GG-SSSS with a consistent separator; bare nine digits only count next to an SSN context word.
const candidate = /(?<![\w.\/-])(\d{3})([- ]?)(\d{2})\2(\d{4})(?![\w\/]|[.-]\d)/g;
const ssnContext = /(?:ssn|social security|soc\.? ?sec|ss#|tax ?payer id|itin)\b[^\n\d]{0,20}$/i;

export function ssnRangeValid(area: string, group: string, serial: string): boolean {
  const a = Number(area);
  // 000, 666 and 900-999 are never issued (9xx are ITINs); 00 groups and 0000 serials neither.
  return a !== 0 && a !== 666 && a < 900 && group !== '00' && serial !== '0000';
}

export function detectUsSsn(text: string): Detection[] {
  const found: Detection[] = [];
  candidate.lastIndex = 0;
  for (let m = candidate.exec(text); m; m = candidate.exec(text)) {
    const [raw, area, separator, group, serial] = m as unknown as [string, string, string, string, string];
    if (!ssnRangeValid(area, group, serial)) continue;
    if (separator === '' && !hasContextBefore(text, m.index, ssnContext)) continue;
    // "123 45 6789" with spaces is common in SSNs but also in grouped amounts; require context for it too.
    if (separator === ' ' && !hasContextBefore(text, m.index, ssnContext)) continue;
    found.push({ type: 'US_SSN', start: m.index, end: m.index + raw.length });
  }
  return found;
}
