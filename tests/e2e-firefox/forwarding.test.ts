// Forwarding from real Firefox to the loopback OTLP receiver (tests/e2e/otlp-receiver.ts): real decisions
// arrive as OTLP log records, and events recorded during an outage arrive once the receiver is back,
// once each and in sequence order (Firefox runs the background as an event page, woken by alarms).
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import defaultPolicy from '../../policies/default.json' with { type: 'json' };
import type { LogRecord } from '../../lib/forward/otlp-schema';
import { OtlpReceiver } from '../e2e/otlp-receiver';
import { extensionOrigin, launchFirefox, navigate, policyInForce, type Firefox } from './firefox';
import { textOf } from './page-text';
import { serve } from './serve';

const receiver = new OtlpReceiver();
let firefox: Firefox;
let extension: Page;
const policyName = 'Default with forwarding (Firefox e2e)';
const blockPage = new RegExp(`^${extensionOrigin}/blocked\\.html#`);

beforeAll(async () => {
  await receiver.start();
  firefox = await launchFirefox({
    managedPolicy: {
      ...defaultPolicy,
      name: policyName,
      // Loopback-only test timings (intervals below 30 s are refused for remote endpoints).
      forwarding: {
        endpoint: receiver.url,
        batchSize: 50,
        intervalSeconds: 1,
        timeoutSeconds: 2,
        retryMaxSeconds: 2,
      },
    },
  });
  extension = await firefox.extensionPage();
  await policyInForce(extension, policyName, 'managed');
});

afterAll(async () => {
  await firefox?.close();
  await receiver.stop();
});

function attribute(record: LogRecord, key: string): unknown {
  const value = record.attributes.find((a) => a.key === key)?.value;
  return value && Object.values(value)[0];
}

function received(name: string, host?: string): LogRecord[] {
  return [...receiver.records.values()]
    .map((r) => r.record)
    .filter(
      (r) =>
        attribute(r, 'event.name') === name && (host === undefined || attribute(r, 'url.domain') === host),
    );
}

async function block(url: string): Promise<void> {
  const page = await firefox.browser.newPage();
  await serve(page, { standIns: /^https:\/\/([a-z0-9-]+\.)*(deepseek\.com|moonshot\.cn)\// });
  await navigate(page, url, blockPage);
  await expect.poll(() => textOf(page, 'h1')).toBe('Blocked by your organisation');
  await page.close();
}

test('the policy in force and a real block arrive at the receiver as OTLP log records', async () => {
  await expect
    .poll(() => received('gatehouse.policy_applied').map((r) => attribute(r, 'gatehouse.policy.name')), {
      timeout: 15_000,
    })
    .toContain(policyName);
  await block('https://chat.deepseek.com/');
  await expect
    .poll(() => received('gatehouse.blocked', 'chat.deepseek.com').length, { timeout: 15_000 })
    .toBe(1);
  const [record] = received('gatehouse.blocked', 'chat.deepseek.com');
  expect(attribute(record!, 'gatehouse.service')).toBe('deepseek');
  expect(attribute(record!, 'gatehouse.rule')).toBe('block-cn-jurisdiction');
  expect(receiver.invalidPayloads).toEqual([]);
});

test('events recorded while the receiver is down arrive once it is back, once each, in order', async () => {
  await receiver.setMode('down');
  for (const url of [
    'https://kimi.moonshot.cn/',
    'https://platform.deepseek.com/',
    'https://www.deepseek.com/',
  ])
    await block(url);
  // The backlog waits: the popup's status shows it failing.
  const popup = await firefox.extensionPage('popup.html');
  await expect
    .poll(
      () =>
        popup.evaluate(() =>
          document.querySelector('[data-testid="forwarding-status"]')?.getAttribute('data-state'),
        ),
      {
        timeout: 15_000,
      },
    )
    .toBe('failing');
  expect(received('gatehouse.blocked', 'kimi.moonshot.cn')).toEqual([]);

  await receiver.setMode('ok');
  await expect
    .poll(
      () =>
        ['kimi.moonshot.cn', 'platform.deepseek.com', 'www.deepseek.com'].map(
          (h) => received('gatehouse.blocked', h).length,
        ),
      {
        timeout: 30_000,
      },
    )
    .toEqual([1, 1, 1]);
  const all = [...receiver.records.values()];
  const seqs = all.map((r) => r.seq);
  expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
  expect(new Set(seqs).size).toBe(all.length);
  expect(receiver.invalidPayloads).toEqual([]);
  await expect
    .poll(() => textOf(popup, '[data-testid="forwarding-backlog"]'), { timeout: 15_000 })
    .toBe('0 events');
});
