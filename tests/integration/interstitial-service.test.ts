import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { grantExpiry } from '../../lib/background/grants';
import {
  continueToService,
  forgetTab,
  goBack,
  openInterstitial,
  requestAccess,
} from '../../lib/background/interstitial-service';
import { noteInterstitialRedirect } from '../../lib/background/observed-redirects';
import { messageHandlers } from '../../lib/background/message-handlers';
import { policyViewRowSchema } from '../../lib/policy/policy-view';
import { applyPolicy } from '../../lib/background/policy-loader';
import { setEventSink } from '../../lib/background/record-event';
import type { LogEvent } from '../../lib/log/event-schema';
import warnCn from '../../policies/examples/warn-cn.json';
import { fakeDnr, type FakeDnr } from './fake-dnr';

let events: LogEvent[];
let dnr: FakeDnr;
const tab = { id: 42, incognito: false };
const url = 'https://chat.deepseek.com/a/chat';

beforeEach(async () => {
  fakeBrowser.reset();
  events = [];
  await setEventSink(async (event) => void events.push(event));
  dnr = fakeDnr();
  await fakeBrowser.storage.managed.set({ policy: warnCn });
  await applyPolicy({
    dnr,
    target: { browser: 'chromium', blockPageUrl: 'ext:/blocked.html', warnPageUrl: 'ext:/warn.html' },
  });
  events = [];
});

/** The warn page loading where the browser's rule sent the tab (the background saw that redirect). */
async function warn(inTab: { id: number; incognito: boolean } = tab) {
  await noteInterstitialRedirect(inTab.id, 'warn', url);
  const info = await openInterstitial('warn', url, inTab);
  if (!info.ok || !info.nonce) throw new Error('expected a warning with a nonce');
  return info;
}

describe('interstitial service', () => {
  it('describes the warning from the policy in force and records one warned event', async () => {
    const info = await warn();
    expect(info).toMatchObject({
      action: 'warn',
      host: 'chat.deepseek.com',
      rule: 'warn-cn-jurisdiction',
      requireJustification: true,
      bypassMinutes: 30,
      service: { id: 'deepseek', jurisdiction: 'CN' },
    });
    expect(info.next.alternatives.map((s) => s.id)).toEqual(['openai-chatgpt', 'microsoft-copilot']);
    expect(events.map((e) => [e.kind, e.host, e.url])).toEqual([['warned', 'chat.deepseek.com', undefined]]);
  });

  it('refuses Continue with a wrong nonce, from another tab, or without the required justification', async () => {
    const { nonce } = await warn();
    const other = crypto.randomUUID();
    expect(await continueToService(dnr, 'chromium', tab, other, 'reason')).toEqual({
      ok: false,
      error: expect.any(String),
    });
    expect(
      await continueToService(dnr, 'chromium', { ...tab, id: tab.id + 1 }, nonce!, 'reason'),
    ).toMatchObject({
      ok: false,
    });
    expect(await continueToService(dnr, 'chromium', tab, nonce!, '   ')).toEqual({
      ok: false,
      error: 'a justification is required',
    });
    expect(dnr.session).toEqual([]);
  });

  it('grants that tab for the bypass minutes, once, and records the justification', async () => {
    const { nonce } = await warn();
    const before = Date.now();
    expect(await continueToService(dnr, 'chromium', tab, nonce!, 'vendor evaluation')).toEqual({
      ok: true,
      url,
    });
    expect(dnr.session.length).toBeGreaterThan(0);
    expect(
      dnr.session.every((r) => r.condition.tabIds?.join() === String(tab.id) && r.action.type === 'allow'),
    ).toBe(true);
    const [alarm] = await fakeBrowser.alarms.getAll();
    expect(alarm!.scheduledTime).toBeGreaterThanOrEqual(before + 30 * 60_000);
    expect(events.at(-1)).toMatchObject({
      kind: 'continued',
      justification: 'vendor evaluation',
      service: 'deepseek',
    });
    // The nonce is spent.
    expect(await continueToService(dnr, 'chromium', tab, nonce!, 'again')).toMatchObject({ ok: false });
    // When the alarm fires the grant goes, so the warning returns.
    expect(grantExpiry(dnr).matches(alarm!.name)).toBe(true);
    await grantExpiry(dnr).run(alarm!);
    expect(dnr.session).toEqual([]);
  });

  it('records Go back once, for the pending warning only', async () => {
    const { nonce } = await warn();
    expect(await goBack(tab, nonce!)).toEqual({ ok: true });
    expect(await goBack(tab, nonce!)).toEqual({ ok: false });
    expect(events.map((e) => e.kind)).toEqual(['warned', 'went_back']);
  });

  it('records nothing when the page does not match what the policy does (a hand-typed address)', async () => {
    const info = await openInterstitial('blocked', url, tab);
    expect(info).toMatchObject({ ok: true, action: 'warn', nonce: null });
    expect(events).toEqual([]);
  });

  it('issues no nonce when the policy does not warn for the address', async () => {
    const info = await openInterstitial('warn', 'https://chatgpt.com/', tab);
    expect(info).toMatchObject({ ok: true, action: 'allow', nonce: null });
    expect(events).toEqual([]);
  });

  it('marks every event from an incognito tab as incognito, and only those', async () => {
    const incognito = { id: 7, incognito: true };
    const first = await warn(incognito);
    await continueToService(dnr, 'chromium', incognito, first.nonce!, 'vendor evaluation');
    const second = await warn(incognito);
    await goBack(incognito, second.nonce!);
    await warn();
    expect(events.map((e) => [e.kind, e.incognito])).toEqual([
      ['warned', true],
      ['continued', true],
      ['warned', true],
      ['went_back', true],
      ['warned', false],
    ]);
  });

  it('records nothing for 16 interstitials a web page opened itself, and issues them no nonce', async () => {
    const forged = await Promise.all(
      Array.from({ length: 16 }, (_, i) =>
        i % 2
          ? openInterstitial('warn', `https://chat.deepseek.com/?forged=${i}`, tab)
          : openInterstitial('blocked', `https://kimi.moonshot.cn/?forged=${i}`, { ...tab, id: 50 + i }),
      ),
    );
    expect(forged.every((info) => info.ok && info.nonce === null)).toBe(true);
    expect(events).toEqual([]);
  });

  it("consumes the background's redirect once: a reload records nothing more and keeps its nonce", async () => {
    const first = await warn();
    const reloaded = await openInterstitial('warn', url, tab);
    expect(reloaded).toMatchObject({ ok: true, nonce: first.nonce });
    expect(events.map((e) => e.kind)).toEqual(['warned']);
    // Another tab cannot use that redirect.
    await noteInterstitialRedirect(tab.id, 'warn', url);
    expect(await openInterstitial('warn', url, { id: tab.id + 1, incognito: false })).toMatchObject({
      nonce: null,
    });
    expect(events.map((e) => e.kind)).toEqual(['warned']);
  });

  it('records the URL the browser redirected, not the one the page reports', async () => {
    await fakeBrowser.storage.managed.set({ policy: { ...warnCn, logging: { fullUrls: true } } });
    await applyPolicy({
      dnr,
      target: { browser: 'chromium', blockPageUrl: 'ext:/blocked.html', warnPageUrl: 'ext:/warn.html' },
    });
    events = [];
    await noteInterstitialRedirect(tab.id, 'warn', 'https://chat.deepseek.com/real?q=1');
    await openInterstitial('warn', 'https://chat.deepseek.com/made-up', tab);
    expect(events.map((e) => e.url)).toEqual(['https://chat.deepseek.com/real?q=1']);
  });
});

describe('request access', () => {
  const requestAccessPolicy = {
    ...warnCn,
    version: '2',
    rules: [{ id: 'block-cn', match: { jurisdictions: ['CN'] }, action: 'block' }, ...warnCn.rules.slice(1)],
    requestAccess: {
      url: 'https://it.example.org/new?service={service}&host={host}&rule={rule}',
      contact: 'IT service desk, ext. 4321',
    },
  };

  beforeEach(async () => {
    await fakeBrowser.storage.managed.set({ policy: requestAccessPolicy });
    await applyPolicy({
      dnr,
      target: { browser: 'chromium', blockPageUrl: 'ext:/blocked.html', warnPageUrl: 'ext:/warn.html' },
    });
    events = [];
  });

  async function blocked(address = url, inTab = tab) {
    await noteInterstitialRedirect(inTab.id, 'blocked', address);
    const info = await openInterstitial('blocked', address, inTab);
    if (!info.ok) throw new Error('expected a block page');
    return info;
  }

  it('offers the filled link, the contact and a nonce on the block page', async () => {
    const info = await blocked();
    expect(info.next).toMatchObject({
      requestAccess: 'https://it.example.org/new?service=deepseek&host=chat.deepseek.com&rule=block-cn',
      contact: 'IT service desk, ext. 4321',
    });
    expect(info.accessNonce).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('logs one access_requested per page shown, with what the background decided for that page', async () => {
    const { accessNonce } = await blocked();
    expect(await requestAccess(tab, 'blocked', accessNonce!)).toEqual({ ok: true });
    expect(await requestAccess(tab, 'blocked', accessNonce!)).toEqual({ ok: true });
    expect(events.map((e) => e.kind)).toEqual(['blocked', 'access_requested']);
    expect(events.at(-1)).toMatchObject({
      kind: 'access_requested',
      page: 'blocked',
      service: 'deepseek',
      host: 'chat.deepseek.com',
      rule: 'block-cn',
      incognito: false,
    });
  });

  it('refuses a wrong nonce, another tab, or the other page, and logs nothing', async () => {
    const { accessNonce } = await blocked();
    expect(await requestAccess(tab, 'blocked', crypto.randomUUID())).toEqual({ ok: false });
    expect(await requestAccess({ ...tab, id: 43 }, 'blocked', accessNonce!)).toEqual({ ok: false });
    expect(await requestAccess(tab, 'warn', accessNonce!)).toEqual({ ok: false });
    expect(events.map((e) => e.kind)).toEqual(['blocked']);
  });

  it('offers nothing on a page that does not stand for a decision, and forgets a closed tab', async () => {
    const mismatch = await openInterstitial('warn', url, tab);
    expect(mismatch).toMatchObject({ ok: true, accessNonce: null });
    const { accessNonce } = await blocked();
    await forgetTab(tab.id);
    expect(await requestAccess(tab, 'blocked', accessNonce!)).toEqual({ ok: false });
  });

  it('keeps the offer for a reload of that page in that tab, and gives a page opened elsewhere none', async () => {
    const { accessNonce } = await blocked();
    expect(await openInterstitial('blocked', url, tab)).toMatchObject({ accessNonce });
    expect(await openInterstitial('blocked', url, { ...tab, id: 43 })).toMatchObject({ accessNonce: null });
    expect(await openInterstitial('blocked', 'https://kimi.moonshot.cn/', tab)).toMatchObject({
      accessNonce: null,
    });
    expect(await openInterstitial('warn', url, tab)).toMatchObject({ accessNonce: null });
    expect(events.map((e) => e.kind)).toEqual(['blocked']);
  });

  it('offers no link without requestAccess.url in the policy', async () => {
    await fakeBrowser.storage.managed.set({
      policy: { ...requestAccessPolicy, version: '3', requestAccess: { contact: 'your manager' } },
    });
    await applyPolicy({
      dnr,
      target: { browser: 'chromium', blockPageUrl: 'ext:/blocked.html', warnPageUrl: 'ext:/warn.html' },
    });
    const info = await blocked();
    expect(info).toMatchObject({ accessNonce: null, next: { requestAccess: null, contact: 'your manager' } });
  });
});

describe('policy view message', () => {
  it('explains every service under the policy in force, in the schema the popup checks', async () => {
    const rows = await messageHandlers(dnr, 'chromium').getPolicyView({ type: 'getPolicyView' }, tab, {});
    const deepseek = rows.find((r) => r.service === 'deepseek');
    expect(deepseek).toMatchObject({
      action: 'warn',
      rule: 'warn-cn-jurisdiction',
      matchedOn: { jurisdictions: 'CN' },
    });
    for (const row of rows) expect(policyViewRowSchema.safeParse(row).success).toBe(true);
  });
});
