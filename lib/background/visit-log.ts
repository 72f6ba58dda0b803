// Records visits nothing else records (lib/log/tab-visits.ts): audit mode's would_block and would_warn, and
// visited_allowed when the policy's logging asks, once per tab and service.
import { tabVisitsItem } from '../browser/storage-items';
import { visitOnCommit, type TabVisits } from '../log/tab-visits';
import type { CompiledPolicy } from '../policy/compile-policy';
import type { Decision } from '../policy/decide';
import { recordEvent } from './record-event';

let chain: Promise<unknown> = Promise.resolve();

/** One read-modify-write at a time; `next: null` leaves storage as it is. */
function update<T>(change: (visits: TabVisits) => { result: T; next: TabVisits | null }): Promise<T> {
  const run = chain.then(async () => {
    const { result, next } = change(await tabVisitsItem.load());
    if (next) await tabVisitsItem.write(next);
    return result;
  });
  chain = run.catch(() => undefined);
  return run;
}

/** A top-level page committed in a tab: records its visit event, unless the tab is already on that service. */
export async function logVisit(
  tabId: number,
  url: string,
  decision: Decision,
  compiled: CompiledPolicy,
  incognito: () => Promise<boolean>,
): Promise<void> {
  const event = await update((visits) => {
    const { event, visits: next } = visitOnCommit(visits, tabId, url, decision, compiled);
    // Most pages are no AI service, after none: nothing to write.
    const unchanged = visits[tabId] === undefined && next[tabId] === undefined;
    return { result: event, next: unchanged ? null : next };
  });
  if (event) await recordEvent({ ...event, incognito: await incognito() });
}

export function forgetVisits(tabId: number): Promise<void> {
  return update((visits) => {
    if (visits[tabId] === undefined) return { result: undefined, next: null };
    const { [tabId]: _removed, ...rest } = visits;
    return { result: undefined, next: rest };
  });
}
