import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { checkHostAccess } from '../../lib/background/host-access';
import { applyPolicy, type PolicyLoaderDeps } from '../../lib/background/policy-loader';
import { setEventSink } from '../../lib/background/record-event';
import type { LogEvent } from '../../lib/log/event-schema';
import { fakeDnr, type FakeDnr } from './fake-dnr';

let events: LogEvent[];
let granted: boolean;
const hasHostAccess = async () => granted;

beforeEach(async () => {
  fakeBrowser.reset();
  events = [];
  granted = true;
  await setEventSink(async (event) => void events.push(event));
});

const health = () =>
  events.filter((e) => e.kind === 'health').map((e) => (e.kind === 'health' ? [e.check, e.ok] : []));

describe('checkHostAccess', () => {
  it('records nothing while access is there, from the first look on', async () => {
    expect(await checkHostAccess(hasHostAccess)).toBe(true);
    expect(await checkHostAccess(hasHostAccess)).toBe(true);
    expect(events).toEqual([]);
  });

  it('records the loss once, and the return once', async () => {
    await checkHostAccess(hasHostAccess);
    granted = false;
    expect(await checkHostAccess(hasHostAccess)).toBe(false);
    expect(await checkHostAccess(hasHostAccess)).toBe(false);
    granted = true;
    expect(await checkHostAccess(hasHostAccess)).toBe(true);
    expect(health()).toEqual([
      ['host_access', false],
      ['host_access', true],
    ]);
  });

  it('records missing access at the very first look, and treats a failing check as no access', async () => {
    granted = false;
    await checkHostAccess(hasHostAccess);
    expect(health()).toEqual([['host_access', false]]);
    expect(await checkHostAccess(() => Promise.reject(new Error('no permissions API')))).toBe(false);
    expect(health()).toHaveLength(1);
  });
});

describe('applyPolicy without host access', () => {
  let dnr: FakeDnr;
  let deps: PolicyLoaderDeps;
  beforeEach(() => {
    dnr = fakeDnr();
    deps = {
      dnr,
      hostAccess: () => checkHostAccess(hasHostAccess),
      target: {
        browser: 'firefox',
        blockPageUrl: 'moz-extension://test/blocked.html',
        warnPageUrl: 'moz-extension://test/warn.html',
      },
    };
  });
  const actions = () => new Set(dnr.dynamic.map((r) => r.action.type));

  it('installs blocks instead of the redirects the browser would ignore, and back once access returns', async () => {
    await applyPolicy(deps);
    expect(actions()).toContain('redirect');
    granted = false;
    await applyPolicy(deps);
    expect(actions()).not.toContain('redirect');
    expect(
      dnr.dynamic.some((r) => r.action.type === 'block' && r.condition.resourceTypes.includes('main_frame')),
    ).toBe(true);
    granted = true;
    await applyPolicy(deps);
    expect(actions()).toContain('redirect');
    expect(health()).toEqual([
      ['host_access', false],
      ['host_access', true],
    ]);
  });
});
