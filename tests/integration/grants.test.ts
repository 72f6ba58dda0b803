import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { onExtensionStart } from '../../lib/background/extension-start';
import { grantAccess, grantExpiry, tabHoldsGrant } from '../../lib/background/grants';
import { setEventSink } from '../../lib/background/record-event';
import { grantAlarmName } from '../../lib/interstitial/pending-warn';
import type { DnrRule } from '../../lib/policy/dnr-rule';
import { fakeDnr, type FakeDnr } from './fake-dnr';

let dnr: FakeDnr;
const warned = { service: 'deepseek', rule: 'warn-cn' };
const allow: DnrRule = {
  id: 1,
  priority: 3,
  action: { type: 'allow' },
  condition: { requestDomains: ['deepseek.com'], resourceTypes: ['main_frame'], tabIds: [4] },
};

beforeEach(async () => {
  fakeBrowser.reset();
  await setEventSink(async () => {});
  dnr = fakeDnr();
});

describe('Continue grants across a browser restart', () => {
  it('an alarm left from the last session does not end a new grant early', async () => {
    // Last session: tab 4 had a grant on session rule 1, due in 5 minutes. The browser restarted: session
    // rules are gone, the alarm is not.
    await fakeBrowser.alarms.create(grantAlarmName(4, [1]), { when: Date.now() + 5 * 60_000 });
    await onExtensionStart({
      dnr,
      target: { browser: 'chromium', blockPageUrl: 'ext:/blocked.html', warnPageUrl: 'ext:/warn.html' },
    });
    expect(await fakeBrowser.alarms.getAll()).toEqual([]);
    const ids = await grantAccess(dnr, 4, warned, [allow], 60);
    expect(ids).toEqual([1]);
    const alarms = await fakeBrowser.alarms.getAll();
    expect(alarms).toHaveLength(1);
    expect(alarms[0]!.scheduledTime).toBeGreaterThan(Date.now() + 59 * 60_000);
  });

  it('a new grant clears a stale alarm naming its rule ids even without the start-up clean-up', async () => {
    await fakeBrowser.alarms.create(grantAlarmName(9, [1, 2]), { when: Date.now() + 60_000 });
    await grantAccess(dnr, 4, warned, [allow], 60);
    expect((await fakeBrowser.alarms.getAll()).map((a) => a.name)).toEqual([grantAlarmName(4, [1])]);
  });

  it('numbers grants after the session rules in force and records them for the backstop until they end', async () => {
    const first = await grantAccess(dnr, 4, warned, [allow, allow], 30);
    const second = await grantAccess(dnr, 6, warned, [allow], 30);
    expect([first, second]).toEqual([[1, 2], [3]]);
    expect(await tabHoldsGrant(4, warned)).toBe(true);
    expect(await tabHoldsGrant(4, { ...warned, rule: 'another-rule' })).toBe(false);
    expect(await tabHoldsGrant(5, warned)).toBe(false);
    expect(await tabHoldsGrant(4, warned, Date.now() + 31 * 60_000)).toBe(false);
    const [alarm] = (await fakeBrowser.alarms.getAll()).filter((a) => a.name === grantAlarmName(4, first));
    await grantExpiry(dnr).run(alarm!);
    expect(await tabHoldsGrant(4, warned)).toBe(false);
    expect(await tabHoldsGrant(6, warned)).toBe(true);
    expect(dnr.session.map((r) => r.id)).toEqual([3]);
  });
});
