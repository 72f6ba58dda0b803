// The tabs' kept placeholder maps (`redaction.placeholderMap: tab`), as stored in session storage, and the
// rules for them: which page's map may be kept, and what a load, an addition or a navigation does to them.
import { z } from 'zod';
import type { PageGuard } from './guard-for-page';
import { maxPlaceholderEntries, placeholderEntriesSchema, type PlaceholderEntry } from './placeholder-map';

/** Tab id → the origin the map was made on and its values. */
export const keptPlaceholdersSchema = z.record(
  z.string().regex(/^\d+$/),
  z.strictObject({ origin: z.string(), entries: placeholderEntriesSchema }),
);
export type KeptPlaceholders = z.infer<typeof keptPlaceholdersSchema>;

/** Whether a page's map is kept for its tab: numbered placeholders, `placeholderMap: tab`, the top frame. */
export function keepsPlaceholders(guard: PageGuard, topFrame: boolean): boolean {
  return (
    topFrame &&
    guard.guarded &&
    guard.redaction.placeholders !== 'typed' &&
    guard.redaction.placeholderMap === 'tab'
  );
}

/** The tab's kept values for a page of `origin` (none when the map was made elsewhere). */
export function keptFor(kept: KeptPlaceholders, tabId: number, origin: string): PlaceholderEntry[] {
  const entry = kept[String(tabId)];
  return entry && entry.origin === origin ? entry.entries : [];
}

/**
 * The kept maps with `entries` added to the tab's (a map of another origin is replaced). Values already
 * kept under the same placeholder stay; the map stops growing at its limit.
 */
export function withAdded(
  kept: KeptPlaceholders,
  tabId: number,
  origin: string,
  entries: readonly PlaceholderEntry[],
): KeptPlaceholders {
  const existing = keptFor(kept, tabId, origin);
  const taken = new Set(existing.map((e) => `${e.type}_${e.n}`));
  const merged = [...existing];
  for (const entry of entries) {
    const id = `${entry.type}_${entry.n}`;
    if (taken.has(id) || merged.length >= maxPlaceholderEntries) continue;
    taken.add(id);
    merged.push(entry);
  }
  return { ...kept, [String(tabId)]: { origin, entries: merged } };
}

/** The kept maps without the tab's (closed), or without it unless the tab stays on `origin` (navigated). */
export function withoutTab(kept: KeptPlaceholders, tabId: number, stayingOn?: string): KeptPlaceholders {
  const entry = kept[String(tabId)];
  if (!entry || (stayingOn !== undefined && entry.origin === stayingOn)) return kept;
  const rest = { ...kept };
  delete rest[String(tabId)];
  return rest;
}
