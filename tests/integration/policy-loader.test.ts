import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { activePolicyItem } from '../../lib/browser/storage-items';
import { applyPolicy, type PolicyLoaderDeps } from '../../lib/background/policy-loader';
import { onPolicyApplied } from '../../lib/background/policy-applied';
import { setEventSink } from '../../lib/background/record-event';
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
      browser: 'chromium',
      blockPageUrl: 'chrome-extension://test/blocked.html',
      warnPageUrl: 'chrome-extension://test/warn.html',
    },
  };
});

const setManaged = (policy: unknown) => fakeBrowser.storage.managed.set({ policy });
const kinds = () => events.map((e) => e.kind);
const redirectsTo = (page: string) =>
  dnr.dynamic.some((r) => r.action.type === 'redirect' && r.action.redirect.regexSubstitution.includes(page));

describe('applyPolicy', () => {
  it('installs the built-in default when no managed policy is set', async () => {
    const active = await applyPolicy(deps);
    expect(active?.source).toBe('default');
    expect(active?.policy.name).toBe('Gatehouse default');
    expect(redirectsTo('blocked.html')).toBe(true);
    expect(kinds()).toEqual(['policy_applied']);
  });

  it('uses a valid managed policy, stores it as the last valid one and tells the listeners', async () => {
    const seen: string[] = [];
    const stop = onPolicyApplied((active) => void seen.push(`${active.source}:${active.policy.name}`));
    await setManaged(warnCn);
    await applyPolicy(deps);
    stop();
    expect((await activePolicyItem.read())?.source).toBe('managed');
    expect(redirectsTo('warn.html')).toBe(true);
    expect(redirectsTo('blocked.html')).toBe(false);
    expect(seen).toEqual([`managed:${warnCn.name}`]);
    expect((await fakeBrowser.storage.local.get('lastValidPolicy')).lastValidPolicy).toEqual(warnCn);
  });

  it('keeps the last valid policy when the managed one becomes invalid, and records policy_error', async () => {
    await setManaged(warnCn);
    await applyPolicy(deps);
    const before = structuredClone(dnr.dynamic);
    await setManaged({ ...warnCn, alternatives: ['no-such-service'] });
    const active = await applyPolicy(deps);
    expect(active?.source).toBe('last-valid');
    expect(active?.policy.name).toBe(warnCn.name);
    expect(dnr.dynamic).toEqual(before);
    const error = events.find((e) => e.kind === 'policy_error');
    expect(error && 'error' in error ? error.error : '').toMatch(
      /alternatives\[0\]: no catalog service "no-such-service"/,
    );
    expect(active?.problems.join()).toMatch(/no-such-service/);
  });

  it('falls back to the default, not to nothing, when an invalid managed policy has no predecessor', async () => {
    await setManaged({ name: 'broken', version: '1', rules: [{ id: 'x', match: {}, action: 'allow' }] });
    const active = await applyPolicy(deps);
    expect(active?.source).toBe('default');
    expect(redirectsTo('blocked.html')).toBe(true);
    expect(kinds()).toEqual(['policy_error', 'policy_applied']);
  });

  it('keeps the rules in force when the browser refuses the new ones', async () => {
    await applyPolicy(deps);
    const before = structuredClone(dnr.dynamic);
    await setManaged(warnCn);
    dnr.failNextUpdate = true;
    const active = await applyPolicy(deps);
    expect(active?.policy.name).toBe('Gatehouse default');
    expect(dnr.dynamic).toEqual(before);
    expect(kinds().filter((k) => k === 'policy_error')).toHaveLength(2);
  });

  it('keeps the rules in force when a policy would exceed the rule limits', async () => {
    await applyPolicy(deps);
    const before = structuredClone(dnr.dynamic);
    dnr.MAX_NUMBER_OF_DYNAMIC_RULES = 1;
    await setManaged(warnCn);
    await applyPolicy(deps);
    expect(dnr.dynamic).toEqual(before);
    const errors = events.filter((e) => e.kind === 'policy_error').map((e) => ('error' in e ? e.error : ''));
    expect(errors.join('\n')).toMatch(/the browser allows 1/);
  });

  it('installs only the rule that lifts the static default in audit mode', async () => {
    await setManaged({ name: 'audit', version: '1', mode: 'audit', rules: [] });
    await applyPolicy(deps);
    expect(dnr.dynamic).toEqual([
      {
        id: 1,
        priority: 1_000_001,
        action: { type: 'allow' },
        condition: { resourceTypes: expect.any(Array) },
      },
    ]);
  });
});
