import browser from 'webextension-polyfill';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { forwardStateItem } from '../../lib/browser/storage-items';
import { createForwarder, forwardAlarmName, forwardRetryAlarmName } from '../../lib/background/forwarder';
import { loadForwardingStatus } from '../../lib/pages/watch-forwarding-status';
import { EventStore } from '../../lib/browser/event-store';
import { createLogEvent, type LogEvent, type NewLogEvent } from '../../lib/log/event-schema';
import { policySchema } from '../../lib/policy/policy-schema';
import { OtlpReceiver } from '../e2e/otlp-receiver';

let receiver: OtlpReceiver;
let outbox: EventStore;
/** The log as the forwarder sees it. */
const outboxSource = () => Promise.resolve(outbox);
const add = (event: LogEvent) => outbox.add([event]);
let n = 0;

// A generous timeout: on a loaded machine a loopback answer can take over a second, which would turn an
// expected "HTTP 503" into a timeout. Only the hang test wants the short one.
function policy(endpoint: string, timeoutSeconds = 10) {
  return policySchema.parse({
    name: 'Integration',
    version: '3',
    forwarding: { endpoint, batchSize: 10, intervalSeconds: 1, timeoutSeconds, retryMaxSeconds: 1 },
  });
}

async function record(input: NewLogEvent, forwarder: { kick(): Promise<void> }) {
  await add(createLogEvent(input, `integration-${n++}-${Math.random()}`, Date.now()));
  await forwarder.kick();
}

beforeEach(async () => {
  fakeBrowser.reset();
  vi.spyOn(browser.runtime, 'getManifest').mockReturnValue({ version: '9.9.9' } as never);
  Object.assign(browser, { permissions: { contains: vi.fn(async () => true) } });
  receiver = new OtlpReceiver();
  await receiver.start();
  outbox = await EventStore.open(`log-${Math.random()}`);
});
afterEach(async () => {
  outbox.close();
  await receiver.stop();
});

describe('createForwarder', () => {
  it('forwards a recorded event on the kick, with resource attributes, and empties the outbox', async () => {
    const active = policy(receiver.url);
    const forwarder = createForwarder({
      outbox: outboxSource,
      activePolicy: async () => active,
      recordEvent: vi.fn(),
    });
    for (let i = 0; i < 25; i++)
      await add(createLogEvent({ kind: 'warned', host: 'kimi.com' }, `w-${i}-abcdef`, 1));
    await record({ kind: 'blocked', host: 'chat.deepseek.com' }, forwarder);
    expect(receiver.records.size).toBe(26);
    expect(receiver.requests).toBe(3);
    expect(JSON.stringify(receiver.resourceAttributes[0])).toContain('"9.9.9"');
    const state = await forwardStateItem.load();
    expect(await outbox.countAfter(state.cursor)).toBe(0);
    expect(state).toMatchObject({ cursor: 26, sent: 26, failures: 0 });
    expect((await browser.alarms.get(forwardAlarmName))?.periodInMinutes).toBe(1 / 60);
    expect(await browser.alarms.get(forwardRetryAlarmName)).toBeUndefined();
  });

  it('keeps events and schedules the alarm at the backoff after a failure, then resumes in a new worker', async () => {
    const active = policy(receiver.url);
    const first = createForwarder({
      outbox: outboxSource,
      activePolicy: async () => active,
      recordEvent: vi.fn(),
    });
    await receiver.setMode('fail');
    await record({ kind: 'blocked', host: 'chat.deepseek.com' }, first);
    const failed = await forwardStateItem.load();
    expect(failed).toMatchObject({ cursor: 0, failures: 1 });
    expect(failed.lastError?.message).toContain('HTTP 503');
    // The retry alarm fires at the backoff's end, but never sooner than 100 ms from now (jitter can be ~0).
    const retryAlarm = (await browser.alarms.get(forwardRetryAlarmName))?.scheduledTime ?? 0;
    expect(retryAlarm).toBeGreaterThanOrEqual(failed.retryAt!);
    expect(retryAlarm).toBeLessThanOrEqual(Math.max(failed.retryAt!, Date.now() + 100));
    expect(await browser.alarms.get(forwardAlarmName)).toBeDefined();
    const status = await loadForwardingStatus(outbox, active);
    expect(status).toMatchObject({ enabled: true, backlog: 1, lastSuccessAt: null });

    // A fresh forwarder (a restarted worker) resumes from storage when the alarm fires.
    await receiver.setMode('ok');
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, failed.retryAt! - Date.now())));
    const second = createForwarder({
      outbox: outboxSource,
      activePolicy: async () => active,
      recordEvent: vi.fn(),
    });
    expect(second.alarms.matches(forwardRetryAlarmName)).toBe(true);
    await second.alarms.run({ name: forwardRetryAlarmName, scheduledTime: Date.now() });
    expect(receiver.records.size).toBe(1);
    expect(await loadForwardingStatus(outbox, active)).toMatchObject({ backlog: 0, sent: 1 });
  });

  it('treats a hanging receiver as a timeout', async () => {
    const active = policy(receiver.url, 1);
    const forwarder = createForwarder({
      outbox: outboxSource,
      activePolicy: async () => active,
      recordEvent: vi.fn(),
    });
    await receiver.setMode('hang');
    await record({ kind: 'blocked', host: 'chat.deepseek.com' }, forwarder);
    expect((await forwardStateItem.load()).lastError?.message).toBe('no response within 1 s');
  });

  it('records a log event when it skips events over the cap', async () => {
    const active = policySchema.parse({
      ...policy(receiver.url),
      forwarding: { ...policy(receiver.url).forwarding, maxBacklog: 100 },
    });
    const recordEvent = vi.fn(async () => undefined);
    const forwarder = createForwarder({
      outbox: outboxSource,
      activePolicy: async () => active,
      recordEvent,
    });
    for (let i = 0; i < 130; i++)
      await add(createLogEvent({ kind: 'blocked', host: 'a.example' }, `cap-${i}-abcdef`, 1));
    await forwarder.kick();
    expect(recordEvent).toHaveBeenCalledWith(expect.objectContaining({ kind: 'log_pruned', removed: 30 }));
    expect(receiver.records.size).toBe(100);
    expect((await forwardStateItem.load()).dropped).toBe(30);
  });

  it('retention never deletes unsent events, only forwarded ones', async () => {
    const active = policy(receiver.url);
    const forwarder = createForwarder({
      outbox: outboxSource,
      activePolicy: async () => active,
      recordEvent: vi.fn(),
    });
    for (let i = 0; i < 20; i++)
      await add(createLogEvent({ kind: 'blocked', host: 'a.example' }, `old-${i}-abcdef`, 1000 + i));
    await forwarder.kick(); // all 20 forwarded
    await receiver.setMode('down');
    for (let i = 0; i < 30; i++)
      await add(createLogEvent({ kind: 'blocked', host: 'a.example' }, `unsent-${i}-abcdef`, 2000 + i));
    await forwarder.kick(); // fails: 30 unsent
    const floor = await forwarder.retentionFloor();
    expect(floor).toBe(20);
    // Everything is past retention and the log may keep only 5, yet the 30 unsent stay.
    expect(await outbox.prune({ before: Date.now(), maxEvents: 5, keepAfterSeq: floor! })).toBe(20);
    expect(await outbox.countAfter(0)).toBe(30);
    await receiver.setMode('ok');
    const { retryAt } = await forwardStateItem.load();
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, retryAt! - Date.now())));
    await forwarder.kick();
    expect([...receiver.records.keys()].filter((id) => id.startsWith('unsent-'))).toHaveLength(30);
  });

  it('shows an unexpected failure (an unreadable store) as the last error, keeping the cursor', async () => {
    const forwarder = createForwarder({
      outbox: () => Promise.reject(new Error('the log database is gone')),
      activePolicy: async () => policy(receiver.url),
      recordEvent: vi.fn(),
    });
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    await forwarder.kick();
    const state = await forwardStateItem.load();
    expect(state.cursor).toBe(0);
    expect(state.lastError?.message).toBe('forwarding failed: the log database is gone');
  });

  it('sets no retention floor while forwarding is off', async () => {
    const forwarder = createForwarder({
      outbox: outboxSource,
      activePolicy: async () => policySchema.parse({ name: 'off', version: '1' }),
      recordEvent: vi.fn(),
    });
    expect(await forwarder.retentionFloor()).toBeUndefined();
  });

  it('does nothing and clears its alarm when the policy names no endpoint', async () => {
    await browser.alarms.create(forwardAlarmName, { periodInMinutes: 1 });
    await browser.alarms.create(forwardRetryAlarmName, { when: Date.now() + 60_000 });
    const forwarder = createForwarder({
      outbox: outboxSource,
      activePolicy: async () => policySchema.parse({ name: 'x', version: '1' }),
      recordEvent: vi.fn(),
    });
    await record({ kind: 'blocked', host: 'chat.deepseek.com' }, forwarder);
    expect(receiver.requests).toBe(0);
    expect(await browser.alarms.getAll()).toEqual([]);
  });
});
