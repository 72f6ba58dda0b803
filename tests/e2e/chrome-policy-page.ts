// Reads what chrome://policy shows, through the page's own WebUI channel rather than its shadow DOM.
import type { BrowserContext } from '@playwright/test';

export interface ShownPolicy {
  value: unknown;
  level?: string;
  scope?: string;
  source?: string;
  error?: string;
  warning?: string;
  [other: string]: unknown;
}

interface PolicyGroup {
  name: string;
  policies: Record<string, ShownPolicy>;
}

/** Browser policies (every group but extensions') and each extension's policies, as chrome://policy lists them. */
export async function chromePolicies(context: BrowserContext): Promise<{
  browser: Record<string, ShownPolicy>;
  extensions: Record<string, Record<string, ShownPolicy>>;
}> {
  const page = await context.newPage();
  try {
    await page.goto('chrome://policy');
    const groups = await page.evaluate(async () => {
      const cr = (await import('chrome://resources/js/cr.js' as string)) as {
        addWebUiListener(event: string, fn: (names: unknown, values: unknown) => void): void;
      };
      const values = new Promise<unknown>((resolve) =>
        cr.addWebUiListener('policies-updated', (_names, values) => resolve(values)),
      );
      (globalThis as unknown as { chrome: { send(message: string): void } }).chrome.send(
        'listenPoliciesUpdates',
      );
      return values;
    });
    // Chromium renamed the payload's groups (policyGroups until ~149, policyValues since 150).
    const shown = groups as {
      policyGroups?: Record<string, PolicyGroup & { isExtension?: boolean }>;
      policyValues?: Record<string, PolicyGroup & { isExtension?: boolean }>;
    };
    const policyGroups = shown.policyValues ?? shown.policyGroups;
    if (!policyGroups) throw new Error(`chrome://policy sent no policy groups: ${JSON.stringify(groups)}`);
    const browser: Record<string, ShownPolicy> = {};
    const extensions: Record<string, Record<string, ShownPolicy>> = {};
    for (const [id, group] of Object.entries(policyGroups)) {
      // An extension's group is keyed by its id (32 letters a–p).
      if (group.isExtension || /^[a-p]{32}$/.test(id)) extensions[id] = group.policies;
      else Object.assign(browser, group.policies);
    }
    return { browser, extensions };
  } finally {
    await page.close();
  }
}
