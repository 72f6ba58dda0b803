// Placeholders: how a finding is written in redacted text ("[EMAIL]" typed, "[EMAIL_1]" numbered), which
// values share a number, and how placeholders are recognised again in other text (the AI's answer).
import { normalisedValue } from './normalise-text';
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
 * Hands out numbers per type in order of first appearance. Values share a number when they are the same once
 * normalised, so "a@b.com" and "a\u200b@b.com" (a zero-width space hiding in the address) are one person,
 * not two.
 */
export class PlaceholderNumbers {
  // One map per type, keyed by the normalised value: no key is built by concatenation per finding.
  private readonly numbers = new Map<PiiType, Map<string, number>>();
  private readonly lastPerType = new Map<PiiType, number>();

  /** The number of `value`; `added` when this call gave it one. */
  numberOf(type: PiiType, value: string): { n: number; added: boolean } {
    const key = normalisedValue(value);
    const known = this.numbers.get(type)?.get(key);
    if (known !== undefined) return { n: known, added: false };
    const n = (this.lastPerType.get(type) ?? 0) + 1;
    this.assignKey(type, key, n);
    return { n, added: true };
  }

  /** Puts back a number given earlier (a stored map); later new values get higher numbers. */
  assign(type: PiiType, value: string, n: number): void {
    this.assignKey(type, normalisedValue(value), n);
  }

  private assignKey(type: PiiType, key: string, n: number): void {
    let numbers = this.numbers.get(type);
    if (numbers === undefined) this.numbers.set(type, (numbers = new Map()));
    numbers.set(key, n);
    this.lastPerType.set(type, Math.max(n, this.lastPerType.get(type) ?? 0));
  }
}
