// Chrome refuses a regexFilter whose compiled program exceeds its memory limit, and the policy loader then
// drops that rule: every regex the compiler emits for the shipped policies must be one Chromium accepts
// (as rules use it: case-insensitive, the default, and capturing the URL for redirects).
import { execFileSync } from 'node:child_process';
import { expect, test } from './locked-test';
import { extensionPage } from './stand-in';

test('Chromium supports every regexFilter of the shipped policies and the static ruleset', async ({
  context,
}) => {
  const all = JSON.parse(
    execFileSync('npx', ['tsx', 'tests/e2e/dnr-regexes.ts'], { encoding: 'utf8' }),
  ) as string[];
  expect(all.length).toBeGreaterThan(40);
  const page = await extensionPage(context);
  const refused = await page.evaluate(async (list) => {
    const out: string[] = [];
    for (const regex of list) {
      const verdict = await chrome.declarativeNetRequest.isRegexSupported({
        regex,
        isCaseSensitive: false,
        requireCapturing: true,
      });
      if (!verdict.isSupported) out.push(`${verdict.reason}: ${regex}`);
    }
    return out;
  }, all);
  expect(refused).toEqual([]);
});
