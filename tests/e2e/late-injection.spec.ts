// A tab that was open before the guard arrived (here: a policy turns the guard on for ChatGPT while it is
// open): the page's own paste listener, registered before the guard's, must not see the original. The
// guard holds pastes there and asks for a reload; after the reload it runs first again.
import type { BrowserContext, Page } from '@playwright/test';
import { expect, test } from '@playwright/test';
import { editorText, grantClipboard, openEditor, pasteWithKeyboard, serveEditorPages } from './editor-pages';
import { launchExtensionContext } from './fixtures';
import { extensionPolicyFile, reloadPolicies, withManagedPolicy } from './managed-policy';
import { accessibleText } from './paste-notice';
import { extensionPage, policyInForce } from './stand-in';

const unguarded = {
  name: 'ChatGPT unguarded',
  version: '1',
  rules: [
    {
      id: 'chatgpt-free',
      match: { services: ['openai-chatgpt'] },
      action: 'allow',
      paste: { mode: 'off' },
      send: { mode: 'off' },
      uploads: { mode: 'allow' },
    },
  ],
};
const guarded = { name: 'ChatGPT guarded', version: '2' };
const personal = 'Reply to jane.doe@example.com please';

test.describe.configure({ mode: 'serial', timeout: 240_000 });

async function guardedPatterns(context: BrowserContext): Promise<string[]> {
  const page = await extensionPage(context);
  try {
    return await page.evaluate(async () => {
      const scripts = await chrome.scripting.getRegisteredContentScripts({ ids: ['gatehouse-input-guard'] });
      return scripts[0]?.matches ?? [];
    });
  } finally {
    await page.close();
  }
}

/** Clicks a button by its accessible name, also inside the notice's closed shadow root (via CDP). */
async function clickAccessibleButton(page: Page, name: string): Promise<void> {
  const session = await page.context().newCDPSession(page);
  try {
    const { nodes } = (await session.send('Accessibility.getFullAXTree')) as {
      nodes: { role?: { value?: string }; name?: { value?: string }; backendDOMNodeId?: number }[];
    };
    const button = nodes.find((n) => n.role?.value === 'button' && n.name?.value === name);
    if (!button?.backendDOMNodeId) throw new Error(`no button named ${name}`);
    const { model } = (await session.send('DOM.getBoxModel', { backendNodeId: button.backendDOMNodeId })) as {
      model: { content: number[] };
    };
    const [x1, y1, , , x3, y3] = model.content;
    await page.mouse.click((x1! + x3!) / 2, (y1! + y3!) / 2);
  } finally {
    await session.detach();
  }
}

const seenByPage = (page: Page) =>
  page.evaluate(() => (window as unknown as { seenByPage: string[] }).seenByPage.join('\n'));

test('a tab open before the guard: pastes are held with a reload notice, and guarded after the reload', async () => {
  await withManagedPolicy(`gatehouse-late-${process.pid}`, extensionPolicyFile(unguarded), async (write) => {
    const context = await launchExtensionContext();
    try {
      const ext = await extensionPage(context);
      await policyInForce(ext, unguarded.name, 'managed');
      await grantClipboard(context);
      await serveEditorPages(context);
      expect(await guardedPatterns(context)).not.toContain('*://*.chatgpt.com/*');

      // ChatGPT opens with no guard: its own capture listener is the first on the page.
      const page = await context.newPage();
      await openEditor(page, 'prosemirror');

      write(extensionPolicyFile(guarded));
      const policies = await context.newPage();
      await reloadPolicies(policies);
      await policies.close();
      await policyInForce(ext, guarded.name, 'managed');
      await expect.poll(() => guardedPatterns(context)).toContain('*://*.chatgpt.com/*');
      await page.waitForTimeout(500); // the injection into open tabs follows the registration

      await page.bringToFront();
      await page.locator('[data-fixture-editor="prosemirror"]').click();
      await pasteWithKeyboard(page, personal);
      await page.waitForTimeout(1000);
      expect(await seenByPage(page)).not.toContain('jane.doe');
      await expect.poll(() => accessibleText(page)).toContain('Reload the page to be protected');
      expect(await editorText(page, 'prosemirror')).toBe('');

      await clickAccessibleButton(page, 'Reload page');
      await page.waitForFunction(() => Boolean(window.fixtureEditors?.['prosemirror']));
      await page.locator('[data-fixture-editor="prosemirror"]').click();
      await pasteWithKeyboard(page, personal);
      await expect.poll(() => editorText(page, 'prosemirror')).toBe('Reply to [EMAIL] please');
      expect(await seenByPage(page)).not.toContain('jane.doe');
    } finally {
      await context.close();
    }
  });
});
