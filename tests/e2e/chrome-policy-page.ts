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
    const policyGroups = (groups as { policyGroups: Record<string, PolicyGroup & { isExtension?: boolean }> })
      .policyGroups;
    const browser: Record<string, ShownPolicy> = {};
    const extensions: Record<string, Record<string, ShownPolicy>> = {};
    for (const [id, group] of Object.entries(policyGroups)) {
      if (group.isExtension) extensions[id] = group.policies;
      else Object.assign(browser, group.policies);
    }
    return { browser, extensions };
  } finally {
    await page.close();
  }
}
