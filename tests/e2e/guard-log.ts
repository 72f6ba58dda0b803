// Reads the extension's event log (IndexedDB) from one of its own pages, for tests of what the guard records.
import type { BrowserContext } from '@playwright/test';
import { dumpExtensionIndexedDb } from './log-popup-page';
import { extensionPage } from './stand-in';

export type LoggedEvent = { kind: string; [field: string]: unknown };

export async function loggedEvents(context: BrowserContext): Promise<LoggedEvent[]> {
  const page = await extensionPage(context);
  try {
    const dump = JSON.parse(await dumpExtensionIndexedDb(page)) as Record<string, LoggedEvent[]>;
    return (dump['gatehouse-log/events'] ?? []).filter((e) => e.kind !== 'policy_applied');
  } finally {
    await page.close();
  }
}
