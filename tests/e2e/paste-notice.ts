// Reads the paste notice the way assistive technology does: it lives in a closed shadow root.
import type { Page } from '@playwright/test';

interface AxNode {
  role?: { value?: string };
  name?: { value?: string };
}

/** All text in the page's accessibility tree, closed shadow roots included. */
export async function accessibleText(page: Page): Promise<string> {
  const session = await page.context().newCDPSession(page);
  try {
    const { nodes } = (await session.send('Accessibility.getFullAXTree')) as { nodes: AxNode[] };
    return nodes
      .filter((n) => n.role?.value === 'StaticText')
      .map((n) => n.name?.value ?? '')
      .join(' ');
  } finally {
    await session.detach();
  }
}

/** Roles present in the accessibility tree, e.g. to find the notice's "status" region. */
export async function accessibleRoles(page: Page): Promise<string[]> {
  const session = await page.context().newCDPSession(page);
  try {
    const { nodes } = (await session.send('Accessibility.getFullAXTree')) as { nodes: AxNode[] };
    return nodes.map((n) => n.role?.value ?? '');
  } finally {
    await session.detach();
  }
}
