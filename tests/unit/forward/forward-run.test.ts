import { describe, expect, it } from 'vitest';
import { forwardPending, type ForwardRunIo } from '../../../lib/forward/forward-run';
import { initialForwardState, type ForwardState, type SendOutcome } from '../../../lib/forward/forward-state';
import type { OutboxRow } from '../../../lib/forward/otlp-log-record';
import { exportLogsRequestSchema, type ExportLogsRequest } from '../../../lib/forward/otlp-schema';
import { forwardingSettingsSchema } from '../../../lib/policy/forwarding-settings';
import { createLogEvent } from '../../../lib/log/event-schema';

const resource = { deviceId: 'dev', extensionVersion: '0.1.0', policyName: 'p', policyVersion: '1' };

/** A seeded generator so a failing run can be replayed. */
function mulberry32(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class Simulation implements ForwardRunIo {
  rows: OutboxRow[] = [];
  stored: ForwardState = initialForwardState();
  clock = 1_700_000_000_000;
  received = new Map<string, number>();
  firstSeen: number[] = [];
  skips: [number, number, number][] = [];
  crashes = 0;
  constructor(
    readonly rand: () => number,
    readonly behaviour: (
      request: number,
    ) => 'ok' | 'fail' | 'timeout-after-accept' | 'refused' | 'crash-after-accept',
  ) {}
  requests = 0;
  add(count: number) {
    const start = this.rows.length ? this.rows[this.rows.length - 1]!.seq : 0;
    for (let i = 1; i <= count; i++) {
      const seq = start + i;
      this.rows.push({
        seq,
        event: createLogEvent({ kind: 'blocked', host: 'chat.deepseek.com' }, `id-${seq}-xxxx`, this.clock),
      });
    }
  }
  async loadState() {
    return structuredClone(this.stored);
  }
  async saveState(state: ForwardState) {
    if (this.pendingCrash) {
      this.pendingCrash = false;
      this.crashes++;
      throw new Error('service worker killed');
    }
    this.stored = structuredClone(state);
  }
  pendingCrash = false;
  async readAfter(cursor: number, limit: number) {
    return this.rows.filter((r) => r.seq > cursor).slice(0, limit);
  }
  async countAfter(cursor: number) {
    return this.rows.filter((r) => r.seq > cursor).length;
  }
  async seqAfter(cursor: number, n: number) {
    return this.rows.filter((r) => r.seq > cursor)[n - 1]!.seq;
  }
  async recordSkipped(skipped: number, fromSeq: number, toSeq: number) {
    this.skips.push([skipped, fromSeq, toSeq]);
  }
  accept(body: ExportLogsRequest) {
    expect(exportLogsRequestSchema.safeParse(body).success).toBe(true);
    for (const record of body.resourceLogs[0]!.scopeLogs[0]!.logRecords) {
      const id = record.attributes.find((a) => a.key === 'event.id')!.value as { stringValue: string };
      const seq = record.attributes.find((a) => a.key === 'gatehouse.seq')!.value as { intValue: string };
      this.received.set(id.stringValue, (this.received.get(id.stringValue) ?? 0) + 1);
      if (this.received.get(id.stringValue) === 1) this.firstSeen.push(Number(seq.intValue));
    }
  }
  async send(body: ExportLogsRequest): Promise<SendOutcome> {
    this.clock += 5;
    switch (this.behaviour(this.requests++)) {
      case 'ok':
        this.accept(body);
        return { kind: 'response', status: 200 };
      case 'fail':
        return { kind: 'response', status: 503 };
      case 'refused':
        return { kind: 'network', message: 'connection refused' };
      case 'timeout-after-accept':
        this.accept(body);
        return { kind: 'timeout', afterMs: 30_000 };
      case 'crash-after-accept':
        this.accept(body);
        this.pendingCrash = true;
        return { kind: 'response', status: 200 };
    }
  }
  now() {
    return this.clock;
  }
  random() {
    return this.rand();
  }
}

const settings = forwardingSettingsSchema.parse({
  endpoint: 'http://127.0.0.1:4318/v1/logs',
  batchSize: 50,
  retryMaxSeconds: 10,
  maxBacklog: 100_000,
});

/** Runs the forwarder the way alarms and kicks do: repeatedly, surviving crashes, until it is idle. */
async function runUntilIdle(sim: Simulation) {
  for (let wake = 0; wake < 10_000; wake++) {
    try {
      const result = await forwardPending(sim, settings, resource);
      if (result.status === 'idle') return wake;
      sim.clock = result.retryAt;
    } catch {
      // the worker died; the next alarm starts from the stored cursor
    }
  }
  throw new Error('never became idle');
}

describe('forwardPending', () => {
  it.each([1, 2, 3])(
    'delivers every event, in order, through failures, timeouts and crashes (seed %i)',
    async (seed) => {
      const rand = mulberry32(seed);
      const kinds = [
        'ok',
        'ok',
        'ok',
        'fail',
        'timeout-after-accept',
        'refused',
        'crash-after-accept',
      ] as const;
      const sim = new Simulation(rand, () => kinds[Math.floor(rand() * kinds.length)]!);
      sim.add(2000);
      await runUntilIdle(sim);
      sim.add(500); // more events arrive after a quiet period
      await runUntilIdle(sim);
      expect(sim.received.size).toBe(2500);
      expect(sim.firstSeen).toEqual([...sim.firstSeen].sort((a, b) => a - b));
      expect(sim.stored.cursor).toBe(2500);
      expect(sim.crashes).toBeGreaterThan(0);
      expect([...sim.received.values()].some((n) => n > 1)).toBe(true); // redelivery happened and was harmless
    },
  );

  it('never sends a later batch while an earlier one is unacknowledged', async () => {
    const sim = new Simulation(
      () => 0.5,
      (n) => (n === 1 ? 'fail' : 'ok'),
    );
    sim.add(120);
    const first = await forwardPending(sim, settings, resource);
    expect(first).toMatchObject({ status: 'waiting', sent: 50 });
    expect(sim.received.size).toBe(50);
    expect(sim.stored.cursor).toBe(50);
    // Before the backoff elapses nothing is sent, not even a later batch.
    expect((await forwardPending(sim, settings, resource)).status).toBe('waiting');
    expect(sim.requests).toBe(2);
    sim.clock = sim.stored.retryAt!;
    expect(await forwardPending(sim, settings, resource)).toMatchObject({ status: 'idle', sent: 70 });
  });

  it('skips the oldest unsent events over the cap and records how many', async () => {
    const sim = new Simulation(
      () => 0.5,
      () => 'ok',
    );
    sim.add(250);
    await forwardPending(sim, { ...settings, maxBacklog: 100 }, resource);
    expect(sim.skips).toEqual([[150, 1, 150]]);
    expect(sim.stored).toMatchObject({ cursor: 250, dropped: 150, sent: 100 });
    expect(Math.min(...sim.firstSeen)).toBe(151);
  });
});
