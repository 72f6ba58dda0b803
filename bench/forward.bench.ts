// Forwarding throughput in Node: OTLP batch building, and the whole forwarding loop (forwardPending +
// fetch) against the loopback test receiver, next to plain JSON of the same events as the floor.
import { randomUUID } from 'node:crypto';
import { sendOtlpLogs } from '../lib/browser/otlp-send';
import { forwardPending } from '../lib/forward/forward-run';
import { initialForwardState, type ForwardState } from '../lib/forward/forward-state';
import { buildExportRequest } from '../lib/forward/otlp-batch';
import type { OutboxRow } from '../lib/forward/otlp-log-record';
import { forwardingSettingsSchema } from '../lib/policy/forwarding-settings';
import { createLogEvent } from '../lib/log/event-schema';
import { OtlpReceiver } from '../tests/e2e/otlp-receiver';
import { measureRate, printTable } from './measure';

const resource = {
  deviceId: randomUUID(),
  extensionVersion: '0.1.0',
  policyName: 'Bench',
  policyVersion: '1',
};

function outboxRows(count: number): OutboxRow[] {
  const hosts = ['chat.deepseek.com', 'kimi.moonshot.cn', 'chatgpt.com', 'claude.ai'];
  return Array.from({ length: count }, (_, i) => ({
    seq: i + 1,
    event: createLogEvent(
      { kind: 'redacted', host: hosts[i % 4]!, counts: { EMAIL: 1 } },
      randomUUID(),
      Date.now(),
    ),
  }));
}

async function loopbackRate(rows: OutboxRow[], batchSize: number): Promise<number> {
  const receiver = new OtlpReceiver();
  await receiver.start();
  const settings = forwardingSettingsSchema.parse({ endpoint: receiver.url, batchSize });
  let stored: ForwardState = initialForwardState();
  const after = (cursor: number) => rows.filter((r) => r.seq > cursor);
  const start = performance.now();
  await forwardPending(
    {
      loadState: async () => stored,
      saveState: async (state) => void (stored = state),
      readAfter: async (cursor, limit) => after(cursor).slice(0, limit),
      countAfter: async (cursor) => after(cursor).length,
      seqAfter: async (cursor, n) => after(cursor)[n - 1]!.seq,
      send: (body) => sendOtlpLogs({ endpoint: receiver.url, headers: {}, timeoutMs: 30_000 }, body),
      recordSkipped: async () => undefined,
      now: Date.now,
      random: Math.random,
    },
    settings,
    resource,
  );
  const seconds = (performance.now() - start) / 1000;
  await receiver.stop();
  if (receiver.records.size !== rows.length)
    throw new Error(`receiver holds ${receiver.records.size} of ${rows.length}`);
  return rows.length / seconds;
}

export async function runForwardBench(): Promise<void> {
  const settings = forwardingSettingsSchema.parse({ endpoint: 'https://collector.example/v1/logs' });
  const batch = outboxRows(500);
  const build = measureRate(batch.length, () =>
    JSON.stringify(buildExportRequest(batch, resource, settings, Date.now())),
  );
  const plain = measureRate(batch.length, () => JSON.stringify(batch.map((r) => r.event)));
  const rows = outboxRows(5000);
  const e2e100 = await loopbackRate(rows, 100);
  const e2e500 = await loopbackRate(rows, 500);
  const fmt = (n: number) => `${Math.round(n).toLocaleString('en')} events/s`;
  printTable(
    'Forwarding (5,000 events; loopback = forwardPending + fetch + receiver validating every payload with zod)',
    ['what', 'rate'],
    [
      ['OTLP JSON body, batch of 500 (build + stringify)', fmt(build.perSecond)],
      ['peer: JSON.stringify of the raw events', fmt(plain.perSecond)],
      ['loopback forwarding, batch 100', fmt(e2e100)],
      ['loopback forwarding, batch 500', fmt(e2e500)],
    ],
  );
}
