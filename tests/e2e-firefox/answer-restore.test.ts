// Answers restored in real Firefox (what tests/e2e/answer-restore.spec.ts proves in Chromium on the answer
// fixtures): a redacted paste numbers the value; a streamed answer that names its placeholder shows the
// original, marked with the CSS highlight (static ranges), split chunks and invented placeholders included;
// on the editor fixture page at chatgpt.com, under a managed policy with `placeholders: restore`.
import { afterAll, beforeAll, expect, test } from 'vitest';
import defaultPolicy from '../../policies/default.json' with { type: 'json' };
import { waitForPasteGuardScript } from '../e2e/editor-pages';
import { editorText, openEditor, pasteWithKeyboard } from './editors';
import { launchFirefox, policyInForce, type Firefox } from './firefox';
import { serve } from './serve';

const policyName = 'Restore (Firefox e2e)';
let firefox: Firefox;

beforeAll(async () => {
  firefox = await launchFirefox({
    managedPolicy: { ...defaultPolicy, name: policyName, redaction: { placeholders: 'restore' } },
  });
  const extension = await firefox.extensionPage();
  await policyInForce(extension, policyName, 'managed');
  await extension.evaluate(waitForPasteGuardScript);
  await extension.close();
});

afterAll(async () => {
  await firefox?.close();
});

test('a streamed answer shows the pasted original, marked; invented placeholders and the composer stay', async () => {
  const page = await firefox.browser.newPage();
  await serve(page, { editors: true });
  await openEditor(page, 'textarea');
  await pasteWithKeyboard(page, 'Write to jane.doe@example.com today');
  await expect.poll(() => editorText(page, 'textarea')).toBe('Write to [EMAIL_1] today');

  // The answer streams in as the services do it: new text nodes, a placeholder split across two chunks.
  await page.evaluate(async () => {
    const answer = document.createElement('p');
    answer.id = 'answer';
    document.body.append(answer);
    for (const chunk of ['Dear [EMA', 'IL_1], and not ', '[EMAIL_7].']) {
      answer.append(document.createTextNode(chunk));
      await new Promise((r) => requestAnimationFrame(r));
    }
  });
  const answerText = () => page.evaluate(() => document.querySelector('#answer')!.textContent);
  await expect.poll(answerText).toBe('Dear jane.doe@example.com, and not [EMAIL_7].');
  const marked = await page.evaluate(() =>
    [...(CSS.highlights.get('gatehouse-restored') ?? [])].map((r) => {
      const range = document.createRange();
      range.setStart(r.startContainer, r.startOffset);
      range.setEnd(r.endContainer, r.endOffset);
      return range.toString();
    }),
  );
  expect(marked).toEqual(['jane.doe@example.com']);
  // What is in the composer is what will be sent: never restored.
  expect(await editorText(page, 'textarea')).toBe('Write to [EMAIL_1] today');
  await page.close();
});
