// Continue grants as the background keeps them per tab: which warned service and rule, until when, and the
// session rule ids that let the tab's requests through. The navigation backstop asks these, not the rules.
import { z } from 'zod';

export const tabGrantSchema = z.strictObject({
  service: z.string().nullable(),
  rule: z.string().nullable(),
  /** Milliseconds since the epoch. */
  until: z.number(),
  ruleIds: z.array(z.number().int().positive()),
});
export type TabGrant = z.infer<typeof tabGrantSchema>;

/** storage.session value: tab id → its grants. */
export const tabGrantsSchema = z.record(z.string().regex(/^\d+$/), z.array(tabGrantSchema));
export type TabGrants = z.infer<typeof tabGrantsSchema>;

/** Whether the tab holds an unexpired grant for this warned service and rule. */
export function holdsGrant(
  grants: TabGrants,
  tabId: number,
  warned: { service: string | null; rule: string | null },
  now: number,
): boolean {
  return (grants[tabId] ?? []).some(
    (g) => g.service === warned.service && g.rule === warned.rule && g.until > now,
  );
}

/** The grants without the one whose session rules are `ruleIds` (its alarm fired). */
export function withoutGrant(grants: TabGrants, tabId: number, ruleIds: readonly number[]): TabGrants {
  const kept = (grants[tabId] ?? []).filter((g) => !g.ruleIds.some((id) => ruleIds.includes(id)));
  const { [tabId]: _removed, ...rest } = grants;
  return kept.length ? { ...rest, [tabId]: kept } : rest;
}
