// Placeholders: how a finding is written in redacted text ("[EMAIL]" typed, "[EMAIL_1]" numbered), which
// values share a number, and how placeholders are recognised again in other text (the AI's answer).
import { normaliseText } from './normalise-text';
import { piiTypes, type PiiType } from './settings';

/** Numbers run from 1 per type; more than six digits is not a placeholder Gatehouse wrote. */
const maxDigits = 6;

/** The longest placeholder Gatehouse writes: "[" + the longest type + "_" + six digits + "]". */
export const maxPlaceholderLength =
  3 + piiTypes.reduce((longest, type) => Math.max(longest, type.length), 0) + maxDigits;

export function typedPlaceholder(type: PiiType): string {
  return `[${type}]`;
}

export function numberedPlaceholder(type: PiiType, n: number): string {
  return `[${type}_${n}]`;
}

const numberedPattern = new RegExp(`\\[(${piiTypes.join('|')})_([1-9]\\d{0,${maxDigits - 1}})\\]`, 'g');

/**
 * Numbered placeholders in any text, e.g. an AI's answer: "[EMAIL_1]", "[IT_CODICE_FISCALE_12]". A fresh
 * RegExp each call (it is global, so it has state), copied from one compiled once; group 1 is the type,
 * group 2 the number.
 */
export function numberedPlaceholderPattern(): RegExp {
  return new RegExp(numberedPattern);
}

/**
 * Which values share a number: the same type and the same value once normalised, so "a@b.com" and
 * "a\u200b@b.com" (a zero-width space hiding in the address) are one person, not two.
 */
export function placeholderKey(type: PiiType, value: string): string {
  return `${type}\u0000${normaliseText(value).text}`;
}

/** Hands out numbers per type in order of first appearance; the same key keeps its number. */
export class PlaceholderNumbers {
  private readonly numbers = new Map<string, number>();
  private readonly lastPerType = new Map<PiiType, number>();

  /** The number of `value`; `added` when this call gave it one. */
  numberOf(type: PiiType, value: string): { n: number; added: boolean } {
    const key = placeholderKey(type, value);
    const known = this.numbers.get(key);
    if (known !== undefined) return { n: known, added: false };
    const n = (this.lastPerType.get(type) ?? 0) + 1;
    this.assignKey(type, key, n);
    return { n, added: true };
  }

  /** Puts back a number given earlier (a stored map); later new values get higher numbers. */
  assign(type: PiiType, value: string, n: number): void {
    this.assignKey(type, placeholderKey(type, value), n);
  }

  private assignKey(type: PiiType, key: string, n: number): void {
    this.numbers.set(key, n);
    this.lastPerType.set(type, Math.max(n, this.lastPerType.get(type) ?? 0));
  }
}
