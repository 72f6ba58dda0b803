// The warn pages the background has shown, per tab: Continue is granted only against one of these.
import { z } from 'zod';

export const pendingWarnSchema = z.strictObject({
  url: z.string(),
  nonce: z.string(),
  issuedAt: z.number(),
});
export type PendingWarn = z.infer<typeof pendingWarnSchema>;

/** storage.session value: tab id → the warn page that tab shows. */
export const pendingWarnsSchema = z.record(z.string().regex(/^\d+$/), pendingWarnSchema);
export type PendingWarns = z.infer<typeof pendingWarnsSchema>;

/** Continue grants: alarm name ↔ the session rule ids to remove when it fires. */
export function grantAlarmName(tabId: number, ruleIds: number[]): string {
  return `gatehouse-grant:${tabId}:${ruleIds.join(',')}`;
}

export function parseGrantAlarmName(name: string): { tabId: number; ruleIds: number[] } | null {
  const match = /^gatehouse-grant:(\d+):(\d+(?:,\d+)*)$/.exec(name);
  if (!match) return null;
  return { tabId: Number(match[1]), ruleIds: match[2]!.split(',').map(Number) };
}
