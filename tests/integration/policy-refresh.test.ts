import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { applyPolicy, type PolicyLoaderDeps } from '../../lib/background/policy-loader';
import {
  policyRefreshAlarm,
  policyRefreshMinutes,
  schedulePolicyRefresh,
} from '../../lib/background/policy-refresh';
import { setEventSink } from '../../lib/background/record-event';
import { activePolicyItem } from '../../lib/browser/storage-items';
import type { LogEvent } from '../../lib/log/event-schema';
import warnCn from '../../policies/examples/warn-cn.json';
import { fakeDnr, type FakeDnr } from './fake-dnr';

let events: LogEvent[];
let dnr: FakeDnr;
let deps: PolicyLoaderDeps;

beforeEach(async () => {
  fakeBrowser.reset();
  events = [];
  await setEventSink(async (event) => void events.push(event));
  dnr = fakeDnr();
  deps = {
    dnr,
    target: {
      browser: 'firefox',
      blockPageUrl: 'moz-extension://test/blocked.html',
      warnPageUrl: 'moz-extension://test/warn.html',
    },
  };
});

const kinds = () => events.map((e) => e.kind);
const refresh = () => applyPolicy(deps, { ifChanged: true });
const tick = () =>
  schedulePolicyRefresh(refresh).run({ name: policyRefreshAlarm, scheduledTime: Date.now() });

describe('the periodic re-read of managed storage', () => {
  it('is an alarm every few minutes, owned by one route', async () => {
    const route = schedulePolicyRefresh(refresh);
    await vi.waitFor(async () =>
      expect(await fakeBrowser.alarms.get(policyRefreshAlarm)).toMatchObject({
        periodInMinutes: policyRefreshMinutes,
      }),
    );
    expect(route.matches(policyRefreshAlarm)).toBe(true);
    expect(route.matches('gatehouse-log-retention')).toBe(false);
  });

  it('puts a managed policy in force that arrived without a change event', async () => {
    await applyPolicy(deps);
    expect((await activePolicyItem.read())?.source).toBe('default');
    // Written without the storage listener the background has (Firefox never fires one for managed).
    await fakeBrowser.storage.managed.set({ policy: warnCn });
    await tick();
    expect(await activePolicyItem.read()).toMatchObject({ source: 'managed', policy: { name: warnCn.name } });
    expect(kinds()).toEqual(['policy_applied', 'policy_applied']);
  });

  it('changes nothing and records nothing while the policy is the same, valid or not', async () => {
    await fakeBrowser.storage.managed.set({ policy: warnCn });
    await applyPolicy(deps);
    await fakeBrowser.storage.managed.set({
      policy: { ...warnCn, version: '2', alternatives: ['no-such-service'] },
    });
    await applyPolicy(deps);
    expect(kinds()).toEqual(['policy_applied', 'policy_error', 'policy_applied']);
    const update = vi.spyOn(dnr, 'updateDynamicRules');
    await tick();
    await tick();
    expect(update).not.toHaveBeenCalled();
    expect(kinds()).toEqual(['policy_applied', 'policy_error', 'policy_applied']);
    expect((await activePolicyItem.read())?.source).toBe('last-valid');
  });
});
