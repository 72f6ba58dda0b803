// References for the redaction benchmark, not engines: the engine's single pass over the text with every
// detector switched off (the cost of finding where candidates start, before any validation), and a bare
// charCodeAt loop over the same text (the floor for any JavaScript that reads every character).
import { normaliseText } from '../lib/redact/normalise-text';
import { scanText } from '../lib/redact/scan-text';

const noTypes = new Set<never>();

/** The engine's normalisation and single pass with no detector enabled; returns the text length. */
export function scanWithoutDetectors(text: string): number {
  const normalised = normaliseText(text).text;
  scanText(normalised, noTypes);
  return normalised.length;
}

/** Sum of the character codes (returned so the loop cannot be optimised away). */
export function charCodeLoop(text: string): number {
  let sum = 0;
  for (let i = 0; i < text.length; i++) sum += text.charCodeAt(i);
  return sum;
}
