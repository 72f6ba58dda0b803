// References for the redaction benchmark, not engines: the engine's single pass over the text with every
// detector switched off (the cost of finding where candidates start, before any validation), the whole
// engine with every detector switched off (what any paste costs before a single candidate is validated), and
// a bare charCodeAt loop over the same text (the floor for any JavaScript that reads every character).
import { redactText } from '../lib/redact/redact';
import { normaliseText } from '../lib/redact/normalise-text';
import { scanText } from '../lib/redact/scan-text';
import type { RedactionSettings } from '../lib/redact/settings';

const noTypes = new Set<never>();

/** The engine's normalisation and single pass with no detector enabled; returns the text length. */
export function scanWithoutDetectors(text: string): number {
  const normalised = normaliseText(text).text;
  scanText(normalised, noTypes);
  return normalised.length;
}

// One settings object, so the engine compiles it once (as the paste guard's settings are).
const everyDetectorOff: Partial<RedactionSettings> = { types: [] };

/**
 * redactText with no type enabled: normalisation, the pass, overlap resolution and the output, with no
 * candidate validated. Returns the redacted text's length.
 */
export function redactWithoutDetectors(text: string): number {
  return redactText(text, everyDetectorOff).text.length;
}

/** Sum of the character codes (returned so the loop cannot be optimised away). */
export function charCodeLoop(text: string): number {
  let sum = 0;
  for (let i = 0; i < text.length; i++) sum += text.charCodeAt(i);
  return sum;
}
