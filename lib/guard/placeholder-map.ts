// The tab's placeholders: which number each redacted value got ("[EMAIL_1]" is the same person in every
// paste and send of the conversation) and, for restoring the AI's answer, which original each stands for.
// It lives in the input guard's isolated world; storing it anywhere is the caller's decision (the policy's
// `redaction.placeholderMap`), never the log's.
import { z } from 'zod';
import {
  numberedPlaceholder,
  numberedPlaceholderPattern,
  PlaceholderNumbers,
  typedPlaceholder,
} from '../redact/placeholders';
import { piiTypes, type PiiType } from '../redact/settings';
import type { PlaceholderFor } from './placeholder-text';

/** How the verdict asks the content script to write placeholders. */
export const placeholderStyles = ['typed', 'numbered'] as const;
export type PlaceholderStyle = (typeof placeholderStyles)[number];

/** The longest original kept for one placeholder (a long secret is still restored whole up to this). */
export const maxOriginalChars = 20_000;
/** A map never grows beyond this many values; later values are still numbered, but not restored. */
export const maxPlaceholderEntries = 10_000;

/** One value of the map as it is stored and sent (placeholder-map snapshots). */
export const placeholderEntrySchema = z.strictObject({
  type: z.enum(piiTypes),
  n: z.number().int().min(1).max(999_999),
  original: z.string().min(1).max(maxOriginalChars),
});
export type PlaceholderEntry = z.infer<typeof placeholderEntrySchema>;
export const placeholderEntriesSchema = z.array(placeholderEntrySchema).max(maxPlaceholderEntries);

export class PlaceholderMap {
  private numbers = new PlaceholderNumbers();
  private originals = new Map<string, string>();
  private added: PlaceholderEntry[] = [];
  private readonly listeners = new Set<(entries: readonly PlaceholderEntry[]) => void>();

  /** The placeholder for one value: `[EMAIL]`, or `[EMAIL_n]` with the value's number in this tab. */
  placeholder(style: PlaceholderStyle, type: PiiType, value: string): string {
    if (style === 'typed') return typedPlaceholder(type);
    const { n, added } = this.numbers.numberOf(type, value);
    const placeholder = numberedPlaceholder(type, n);
    if (added && this.originals.size < maxPlaceholderEntries && value.length <= maxOriginalChars) {
      this.originals.set(placeholder, value);
      this.added.push({ type, n, original: value });
    }
    return placeholder;
  }

  /** The PlaceholderFor a verdict's findings are written with. */
  writer(style: PlaceholderStyle): PlaceholderFor {
    return (type, value) => this.placeholder(style, type, value);
  }

  /** The original a numbered placeholder stands for in this tab, or undefined (typed, or one the AI invented). */
  original(placeholder: string): string | undefined {
    return this.originals.get(placeholder);
  }

  get size(): number {
    return this.originals.size;
  }

  /** Every value, in the order numbers were given. */
  entries(): PlaceholderEntry[] {
    const out: PlaceholderEntry[] = [];
    const pattern = numberedPlaceholderPattern();
    for (const [placeholder, original] of this.originals) {
      pattern.lastIndex = 0;
      const match = pattern.exec(placeholder)!;
      out.push({ type: match[1] as PiiType, n: Number(match[2]), original });
    }
    return out;
  }

  /** Takes in stored entries (a reload with `placeholderMap: tab`); numbers already given here win. */
  load(entries: readonly PlaceholderEntry[]): void {
    for (const { type, n, original } of entries) {
      const placeholder = numberedPlaceholder(type, n);
      if (this.originals.has(placeholder) || this.originals.size >= maxPlaceholderEntries) continue;
      this.numbers.assign(type, original, n);
      this.originals.set(placeholder, original);
    }
  }

  /** Called with the values numbered since the last flush (not with loaded ones). */
  onAdded(listener: (entries: readonly PlaceholderEntry[]) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Tells the listeners what was numbered since the last flush: once per input, not once per value. */
  flush(): void {
    if (this.added.length === 0) return;
    const added = this.added;
    this.added = [];
    for (const listener of this.listeners) listener(added);
  }

  /** Forgets everything (the page left the service, or the policy no longer numbers). */
  clear(): void {
    this.numbers = new PlaceholderNumbers();
    this.originals = new Map();
    this.added = [];
  }
}
