// Forwarding to a loopback OTLP receiver through failures, timeouts, throttling, an outage and a
// service worker stopped at random: every event arrives, exactly once by id, in sequence order.
import { randomUUID } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { createLogEvent, type LogEvent } from '../../lib/log/event-schema';
import { extensionWorker, launchExtensionContext } from './fixtures';
import { extensionPolicyFile, withManagedPolicy } from './managed-policy';
import { OtlpReceiver, type ReceiverMode } from './otlp-receiver';
import {
  appendToOutbox,
  extensionOriginPage,
  storedForwardState,
  WorkerKiller,
} from './service-worker-control';

/** The test's own events, told apart from those the extension records itself. */
const testIdPrefix = 'fwd-test-';

function events(count: number): LogEvent[] {
  const hosts = ['chat.deepseek.com', 'kimi.moonshot.cn', 'chatgpt.com', 'claude.ai'];
  return Array.from({ length: count }, (_, i) =>
    createLogEvent(
      { kind: 'blocked', host: hosts[i % hosts.length]!, rule: 'test' },
      `${testIdPrefix}${randomUUID()}`,
      Date.now(),
    ),
  );
}

/** Loopback-only test timings (documented in docs: intervals below 30 s are refused for remote endpoints). */
function forwardingPolicy(endpoint: string, batchSize: number) {
  return {
    name: 'Forwarding e2e',
    version: '1',
    forwarding: {
      endpoint,
      batchSize,
      intervalSeconds: 1,
      timeoutSeconds: 2,
      retryMaxSeconds: 2,
      headers: { 'X-Api-Key': 'test-key' },
    },
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

test('5,000 events survive failures, timeouts, an outage and a stopped worker, exactly once and in order', async () => {
  test.setTimeout(400_000); // includes waiting for the machine-wide managed-policy lock
  const receiver = new OtlpReceiver({ retryAfterSeconds: 1, slowMs: 3000 });
  await receiver.start();
  await withManagedPolicy(
    `gatehouse-forward-${process.pid}`,
    extensionPolicyFile(forwardingPolicy(receiver.url, 100)),
    async () => {
      const context = await launchExtensionContext();
      try {
        const extensionId = new URL((await extensionWorker(context)).url()).host;
        const page = await extensionOriginPage(context, extensionId);
        const killer = await WorkerKiller.attach(context);
        const written: LogEvent[] = [];
        // A fixed script of receiver moods; the worker is stopped at random points between them.
        const moods: [ReceiverMode, number][] = [
          ['ok', 1500],
          ['fail', 2500],
          ['ok', 1500],
          ['throttle', 2500],
          ['ok', 1000],
          ['hang', 4000],
          ['slow', 3000],
          ['ok', 1500],
          ['down', 8000],
          ['fail', 1500],
        ];
        const chunk = 500;
        // What the receiver counts when a request meets a mood: a mood that fails requests lasts until one
        // has (on a loaded machine a restarted worker may send nothing within the mood's time).
        const outcome: Partial<Record<ReceiverMode, 503 | 429 | 'hung' | 'slow'>> = {
          fail: 503,
          throttle: 429,
          hang: 'hung',
          slow: 'slow',
        };
        for (const [mode, ms] of moods) {
          await receiver.setMode(mode);
          const key = outcome[mode];
          const metBefore = key === undefined ? 0 : (receiver.statuses.get(key) ?? 0);
          const batch = events(chunk);
          await appendToOutbox(page, batch);
          written.push(...batch);
          const killAt = Math.random() * ms;
          await sleep(killAt);
          await killer.kill();
          await sleep(ms - killAt);
          if (key !== undefined) {
            await expect
              .poll(() => receiver.statuses.get(key) ?? 0, { timeout: 60_000, intervals: [250] })
              .toBeGreaterThan(metBefore);
          }
        }
        await receiver.setMode('ok');
        // The extension records its own events too (policy_applied when the managed policy arrives);
        // they are forwarded like any other, so the test's 5,000 are picked out by id.
        const writtenIds = new Set(written.map((e) => e.id));
        const receivedTestEvents = () => [...receiver.records.values()].filter((r) => writtenIds.has(r.id));
        await expect
          .poll(() => receivedTestEvents().length, { timeout: 90_000, intervals: [500] })
          .toBe(written.length);

        expect(written).toHaveLength(5000);
        expect(receiver.invalidPayloads).toEqual([]);
        // First-seen order is the order events were stored, and sequence numbers only grow.
        expect(receivedTestEvents().map((r) => r.id)).toEqual(written.map((e) => e.id));
        const received = [...receiver.records.values()];
        const seqs = received.map((r) => r.seq);
        expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
        expect(new Set(seqs).size).toBe(received.length);
        // The faults really happened.
        expect(killer.kills).toBe(moods.length);
        expect(receiver.statuses.get(503)).toBeGreaterThan(0);
        expect(receiver.statuses.get(429)).toBeGreaterThan(0);
        expect(receiver.statuses.get('hung')).toBeGreaterThan(0);
        expect(receiver.redeliveries).toBeGreaterThan(0); // slow answers timed out: sent again, deduplicated by id
        console.log(
          `forwarding under faults: ${receiver.requests} requests, statuses ${JSON.stringify([...receiver.statuses])}, ` +
            `${receiver.redeliveries} redelivered records (deduplicated by id), ${killer.kills} worker stops`,
        );
        // The outbox empties once everything is acknowledged.
        await expect.poll(async () => (await storedForwardState(page))?.cursor).toBe(Math.max(...seqs));
      } finally {
        await context.close();
        await receiver.stop();
      }
    },
  );
});

test('forwarding throughput to a loopback receiver', async () => {
  test.setTimeout(300_000);
  const receiver = new OtlpReceiver();
  await receiver.start();
  await withManagedPolicy(
    `gatehouse-forward-${process.pid}`,
    extensionPolicyFile(forwardingPolicy(receiver.url, 500)),
    async () => {
      const context = await launchExtensionContext();
      try {
        const extensionId = new URL((await extensionWorker(context)).url()).host;
        const page = await extensionOriginPage(context, extensionId);
        await receiver.setMode('down'); // fill the outbox first, then time draining it
        const all = events(5000);
        await appendToOutbox(page, all);
        const start = Date.now();
        await receiver.setMode('ok');
        const ids = new Set(all.map((e) => e.id));
        const arrived = () => [...receiver.records.keys()].filter((id) => ids.has(id)).length;
        await expect.poll(arrived, { timeout: 60_000, intervals: [50] }).toBe(all.length);
        const seconds = (Date.now() - start) / 1000;
        // Draining: from the first accepted batch to the last, i.e. without the wait for the backoff to end.
        const draining = (receiver.lastAcceptedAt! - receiver.firstAcceptedAt!) / 1000;
        const rate = Math.round(all.length / seconds);
        const drainRate = Math.round((all.length - 500) / draining); // the first batch lands at t=0
        const summary =
          `${all.length} events in ${seconds.toFixed(2)} s after the receiver came back = ${rate} events/s; ` +
          `draining ${drainRate} events/s (batch 500)`;
        console.log(`forwarding throughput: ${summary}`);
        test.info().annotations.push({ type: 'throughput', description: summary });
        expect(receiver.invalidPayloads).toEqual([]);
      } finally {
        await context.close();
        await receiver.stop();
      }
    },
  );
});

test('the popup shows the backlog and last error during an outage, then the last success', async () => {
  test.setTimeout(300_000);
  const receiver = new OtlpReceiver();
  await receiver.start();
  await receiver.setMode('down');
  await withManagedPolicy(
    `gatehouse-forward-${process.pid}`,
    extensionPolicyFile(forwardingPolicy(receiver.url, 100)),
    async () => {
      const context = await launchExtensionContext();
      try {
        const extensionId = new URL((await extensionWorker(context)).url()).host;
        const page = await extensionOriginPage(context, extensionId);
        await appendToOutbox(page, events(300));
        const popup = await context.newPage();
        await popup.goto(`chrome-extension://${extensionId}/popup.html`);
        const status = popup.getByTestId('forwarding-status');
        await expect(status).toHaveAttribute('data-state', 'failing');
        await expect(popup.getByTestId('forwarding-endpoint')).toHaveText(receiver.url);
        // The backlog is the test's 300 plus what the extension recorded itself (policy_applied).
        await expect(popup.getByTestId('forwarding-backlog')).toHaveText(/^30[0-9] events$/);
        await expect(popup.getByTestId('forwarding-last-success')).toHaveText('never');
        await expect(popup.getByTestId('forwarding-last-error')).toContainText('network error');

        await receiver.setMode('ok');
        await expect(popup.getByTestId('forwarding-backlog')).toHaveText('0 events');
        await expect(status).toHaveAttribute('data-state', 'ok');
        await expect(popup.getByTestId('forwarding-last-success')).toHaveText(/^\d+ sec\. ago$/);
        await expect(popup.getByTestId('forwarding-sent')).toHaveText(String(receiver.records.size));
        const testIds = [...receiver.records.keys()].filter((id) => id.startsWith(testIdPrefix));
        expect(testIds).toHaveLength(300);
      } finally {
        await context.close();
        await receiver.stop();
      }
    },
  );
});
