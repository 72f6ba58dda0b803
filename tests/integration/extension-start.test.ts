import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createSessionStart } from '../../lib/background/extension-start';
import { setEventSink } from '../../lib/background/record-event';
import type { LogEvent } from '../../lib/log/event-schema';
import { fakeDnr, type FakeDnr } from './fake-dnr';

let events: LogEvent[];
let dnr: FakeDnr;

beforeEach(async () => {
  fakeBrowser.reset();
  events = [];
  await setEventSink(async (event) => void events.push(event));
  dnr = fakeDnr();
});

const deps = () => ({
  dnr,
  target: { browser: 'chromium' as const, blockPageUrl: 'ext:/blocked.html', warnPageUrl: 'ext:/warn.html' },
});

describe('createSessionStart', () => {
  it('starts once per browser session, whether the worker or the install and startup events ask first', async () => {
    const start = createSessionStart(deps(), () => '1.0');
    await Promise.all([start(), start(), start()]);
    expect(dnr.dynamic.length).toBeGreaterThan(0);
    expect(events.filter((e) => e.kind === 'policy_applied')).toHaveLength(1);
    // The worker stopped and started again in the same session: nothing to do.
    await createSessionStart(deps(), () => '1.0')();
    expect(events.filter((e) => e.kind === 'policy_applied')).toHaveLength(1);
    // A new browser session (storage.session is empty again), or a new version: the start runs again.
    await fakeBrowser.storage.session.clear();
    await createSessionStart(deps(), () => '1.0')();
    expect(events.filter((e) => e.kind === 'policy_applied')).toHaveLength(2);
    await createSessionStart(deps(), () => '1.1')();
    expect(events.filter((e) => e.kind === 'policy_applied')).toHaveLength(3);
  });

  it('a worker stopped before its start finished leaves the start to the next worker', async () => {
    // The first worker is stopped while the browser is installing its rules: that call never returns.
    const stopped = { ...deps(), dnr: { ...dnr, updateDynamicRules: () => new Promise<void>(() => {}) } };
    void createSessionStart(stopped, () => '1.0')();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(dnr.dynamic).toEqual([]);
    // The next worker of the same session (new module state, same session storage) must still put the
    // policy in force.
    vi.resetModules();
    const recordEvent = await import('../../lib/background/record-event');
    await recordEvent.setEventSink(async (event) => void events.push(event));
    const nextWorker = await import('../../lib/background/extension-start');
    await nextWorker.createSessionStart(deps(), () => '1.0')();
    expect(dnr.dynamic.length).toBeGreaterThan(0);
    expect(events.filter((e) => e.kind === 'policy_applied')).toHaveLength(1);
  });
});
