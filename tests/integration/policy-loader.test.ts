import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { activePolicyItem } from '../../lib/browser/storage-items';
import { applyPolicy, type PolicyLoaderDeps } from '../../lib/background/policy-loader';
import { onPolicyApplied } from '../../lib/background/policy-applied';
import { setEventSink } from '../../lib/background/record-event';
import type { LogEvent } from '../../lib/log/event-schema';
import { shippedCatalog } from '../../lib/catalog/shipped-catalog';
import { compileDnrRules } from '../../lib/policy/compile-dnr-rules';
import { compilePolicy } from '../../lib/policy/compile-policy';
import { chromeDnrLimits, defaultPolicyRuleset, type DnrRule } from '../../lib/policy/dnr-rule';
import { defaultPolicy } from '../../lib/policy/default-policy';
import { policySchema, type Policy } from '../../lib/policy/policy-schema';
import warnCn from '../../policies/examples/warn-cn.json';
import { outcome } from '../unit/policy/simulate-dnr';
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

afterEach(() => vi.restoreAllMocks());

const setManaged = (policy: unknown) => fakeBrowser.storage.managed.set({ policy });
const kinds = () => events.map((e) => e.kind);
/** Whether some top-level page is sent to `page` (warned services send their frames to the block page). */
const redirectsTo = (page: string) =>
  dnr.dynamic.some(
    (r) =>
      r.action.type === 'redirect' &&
      r.action.redirect.regexSubstitution.includes(page) &&
      r.condition.resourceTypes.includes('main_frame'),
  );

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

/** What the installed rules do with a page load (the simulated browser: block page, warn page or allow). */
const pageOutcome = (url: string) => outcome(dnr.dynamic, { url, type: 'main_frame', tabId: 1 });
const errors = () => events.flatMap((e) => (e.kind === 'policy_error' ? [e.error] : []));

describe('applyPolicy at browser start', () => {
  /** Managed storage that answers only when released, as Chromium's does seconds into a browser start. */
  function slowManagedStorage(): () => void {
    let release!: () => void;
    const answered = new Promise<void>((resolve) => (release = resolve));
    const get = fakeBrowser.storage.managed.get.bind(fakeBrowser.storage.managed);
    vi.spyOn(fakeBrowser.storage.managed, 'get').mockImplementation(async (keys) => {
      await answered;
      return get(keys);
    });
    return release;
  }

  it('installs the default rules on a fresh install before managed storage answers, then the managed policy', async () => {
    await setManaged(warnCn);
    const release = slowManagedStorage();
    const applying = applyPolicy(deps, { trigger: 'start' });
    await vi.waitFor(() => expect(pageOutcome('https://chat.deepseek.com/')).toMatch(/blocked\.html#/));
    release();
    expect((await applying)?.source).toBe('managed');
    expect(pageOutcome('https://chat.deepseek.com/')).toMatch(/warn\.html#/);
    expect(kinds()).toEqual(['policy_applied']);
  });

  it('reinstalls the policy last in force (not the default) while managed storage is still silent', async () => {
    await setManaged(warnCn);
    await applyPolicy(deps);
    dnr.dynamic = []; // whatever happened to the rules meanwhile
    const release = slowManagedStorage();
    const applying = applyPolicy(deps, { trigger: 'start' });
    await vi.waitFor(() => expect(pageOutcome('https://chat.deepseek.com/')).toMatch(/warn\.html#/));
    release();
    await applying;
    expect(pageOutcome('https://chat.deepseek.com/')).toMatch(/warn\.html#/);
  });
});

describe('applyPolicy never fails open', () => {
  it('records policy_error and keeps the rules in force when compiling or installing throws', async () => {
    await applyPolicy(deps);
    const before = structuredClone(dnr.dynamic);
    await setManaged(warnCn);
    dnr.isRegexSupported = async () => Promise.reject(new Error('the browser went away'));
    const active = await applyPolicy(deps);
    expect(active?.policy.name).toBe('Gatehouse default');
    expect(dnr.dynamic).toEqual(before);
    expect(errors().join('\n')).toMatch(/installing the browser rules failed: the browser went away/);
  });

  it('keeps going after an apply that threw: the next policy still comes into force', async () => {
    dnr.getDynamicRules = async () => Promise.reject(new Error('no rules for you'));
    await expect(applyPolicy(deps)).resolves.toBeNull();
    expect(errors().join('\n')).toMatch(/no rules for you/);
    dnr.getDynamicRules = async () => dnr.dynamic;
    await setManaged(warnCn);
    expect((await applyPolicy(deps))?.source).toBe('managed');
  });

  it('a 100,000-host managed policy never leaves DeepSeek open: installed, or refused with policy_error', async () => {
    await applyPolicy(deps);
    const hosts = Array.from({ length: 100_000 }, (_, i) => `host${i}.example.com`);
    await setManaged({
      name: 'huge',
      version: '1',
      rules: [
        { id: 'block-cn', match: { jurisdictions: ['CN'] }, action: 'block' },
        { id: 'block-hosts', match: { hosts }, action: 'block' },
      ],
    });
    const active = await applyPolicy(deps);
    expect(pageOutcome('https://chat.deepseek.com/')).toMatch(/blocked\.html#/);
    if (active?.policy.name === 'huge')
      expect(pageOutcome('https://host99999.example.com/')).toMatch(/blocked\.html#/);
    else expect(errors().length).toBeGreaterThan(0);
  }, 60_000);
});

describe('applyPolicy: the bundle as JSON text (policyJson), which the browser cannot alter', () => {
  const setJson = (text: string) => fakeBrowser.storage.managed.set({ policyJson: text });
  const blockDeepseek = {
    name: 'Block DeepSeek',
    version: '1',
    rules: [{ id: 'block-deepseek', match: { services: ['deepseek'] }, action: 'block' }],
    fallback: { action: 'warn' },
  };

  it('applies a valid bundle and keeps it as the last valid one', async () => {
    await setJson(JSON.stringify(blockDeepseek));
    const active = await applyPolicy(deps);
    expect([active?.source, active?.policy.name]).toEqual(['managed', 'Block DeepSeek']);
    expect((await fakeBrowser.storage.local.get('lastValidPolicy')).lastValidPolicy).toEqual(blockDeepseek);
  });

  it.each([
    [
      'a value the schema refuses ("Block")',
      { ...blockDeepseek, rules: [{ ...blockDeepseek.rules[0], action: 'Block' }] },
      /rules\[0\]\.action: expected one of allow\|warn\|block/,
    ],
    [
      'misspelled keys',
      {
        ...blockDeepseek,
        fallbak: { action: 'allow' },
        rules: [{ ...blockDeepseek.rules[0], requireJustifcation: true }],
      },
      /unknown key "requireJustifcation".*unknown key "fallbak"|unknown key "fallbak".*unknown key "requireJustifcation"/,
    ],
  ])(
    'rejects %s with policy_error and keeps the last valid policy, never the default',
    async (_name, bundle, reason) => {
      await setJson(JSON.stringify(blockDeepseek));
      await applyPolicy(deps);
      events = [];
      await setJson(JSON.stringify(bundle));
      const active = await applyPolicy(deps);
      expect([active?.source, active?.policy.name]).toEqual(['last-valid', 'Block DeepSeek']);
      expect(errors().join('\n')).toMatch(reason);
      // The stricter fallback of the last valid policy is still in force (the default would allow chatgpt).
      expect(pageOutcome('https://chatgpt.com/')).toMatch(/warn\.html#/);
    },
  );

  it('rejects text that is not JSON, or a value that is not text, naming what is wrong', async () => {
    await setJson(JSON.stringify(blockDeepseek));
    await applyPolicy(deps);
    await setJson('{"name": "cut off');
    expect((await applyPolicy(deps))?.source).toBe('last-valid');
    await fakeBrowser.storage.managed.set({ policyJson: { name: 'an object' } });
    expect((await applyPolicy(deps))?.source).toBe('last-valid');
    expect(errors()).toEqual([
      expect.stringMatching(/^managed policy rejected: policyJson: line 1, column \d+: invalid JSON/),
      'managed policy rejected: policyJson must be the bundle as JSON text (a string), not an object',
    ]);
  });

  it('falls back to the default only when the administrator removed the policy', async () => {
    await setJson(JSON.stringify(blockDeepseek));
    await applyPolicy(deps);
    await fakeBrowser.storage.managed.remove('policyJson');
    const active = await applyPolicy(deps);
    expect(active?.source).toBe('default');
    expect(errors()).toEqual([]);
  });

  it('prefers policyJson over the object form, and still reads the object form alone', async () => {
    await fakeBrowser.storage.managed.set({ policy: warnCn, policyJson: JSON.stringify(blockDeepseek) });
    expect((await applyPolicy(deps))?.policy.name).toBe('Block DeepSeek');
    await fakeBrowser.storage.managed.remove('policyJson');
    expect((await applyPolicy(deps))?.policy.name).toBe(warnCn.name);
  });
});

describe('the static default (built-in default as a manifest ruleset)', () => {
  const shipped = JSON.parse(readFileSync(`public/${defaultPolicyRuleset.path}`, 'utf8')) as DnrRule[];
  const staticOn = () => dnr.enabledRulesets.includes(defaultPolicyRuleset.id);
  /** What the browser did with a page load at each moment: the static rules while on, and the dynamic ones. */
  const outcomesOverTime = (url: string) =>
    dnr.history.map((state) =>
      outcome(
        [...(state.enabledRulesets.includes(defaultPolicyRuleset.id) ? shipped : []), ...state.dynamic],
        { url, type: 'main_frame', tabId: 1 },
      ),
    );
  const deepseek = 'https://chat.deepseek.com/';
  /** A rule limit the default fits and warn-cn (a few rules more) does not. */
  const defaultRuleCount = () => {
    const count = (policy: Policy) =>
      compileDnrRules(compilePolicy(policy, shippedCatalog()), {
        ...deps.target,
        limits: chromeDnrLimits,
      }).rules.length;
    const fits = count(defaultPolicy());
    expect(count(policySchema.parse(warnCn))).toBeGreaterThan(fits);
    return fits;
  };
  const stopped = /(blocked|warn)\.html#/;

  it('stays on while the built-in default is in force, and nothing switches it', async () => {
    await applyPolicy(deps, { trigger: 'start' });
    await applyPolicy(deps);
    expect(staticOn()).toBe(true);
    expect(dnr.history.every((state) => state.enabledRulesets.includes(defaultPolicyRuleset.id))).toBe(true);
  });

  it('goes off only after a managed policy’s rules are in: DeepSeek is stopped at every moment', async () => {
    await setManaged(warnCn);
    await applyPolicy(deps, { trigger: 'start' });
    expect(staticOn()).toBe(false);
    expect(pageOutcome(deepseek)).toMatch(/warn\.html#/);
    const moments = outcomesOverTime(deepseek);
    expect(moments.length).toBeGreaterThan(1);
    expect(moments.filter((o) => !stopped.test(o))).toEqual([]);
    // The switch came last: the managed rules were already in when it went off.
    expect(dnr.history.at(-1)).toMatchObject({ enabledRulesets: [], dynamic: dnr.dynamic });
    expect(dnr.history.at(-2)?.enabledRulesets).toEqual([defaultPolicyRuleset.id]);
  });

  it('comes back on before the default’s rules replace a removed managed policy’s', async () => {
    await setManaged(warnCn);
    await applyPolicy(deps);
    expect(staticOn()).toBe(false);
    dnr.history = [];
    await fakeBrowser.storage.managed.clear();
    expect((await applyPolicy(deps))?.source).toBe('default');
    expect(staticOn()).toBe(true);
    expect(dnr.history.map((s) => s.enabledRulesets.length > 0)).toEqual([true, true]);
    expect(dnr.history[0]!.dynamic).not.toEqual(dnr.dynamic); // on, while the managed rules were still in
    expect(outcomesOverTime(deepseek).filter((o) => !stopped.test(o))).toEqual([]);
  });

  it.each([
    ['the browser refuses its rules', () => void (dnr.failNextUpdate = true)],
    ['it exceeds the rule limits', () => void (dnr.MAX_NUMBER_OF_DYNAMIC_RULES = defaultRuleCount())],
  ])('stays on when a managed policy fails because %s, on a fresh profile', async (_why, fail) => {
    await setManaged(warnCn);
    fail();
    const active = await applyPolicy(deps);
    expect(active?.source).toBe('default');
    expect(staticOn()).toBe(true);
    expect(dnr.history.every((state) => state.enabledRulesets.includes(defaultPolicyRuleset.id))).toBe(true);
    expect(errors().length).toBeGreaterThan(0);
    expect(outcomesOverTime(deepseek).filter((o) => !stopped.test(o))).toEqual([]);
  });

  it('stays on when a managed policy fails after the default came into force at start', async () => {
    await setManaged(warnCn);
    dnr.MAX_NUMBER_OF_DYNAMIC_RULES = defaultRuleCount();
    await applyPolicy(deps, { trigger: 'start' });
    expect(staticOn()).toBe(true);
    expect(pageOutcome(deepseek)).toMatch(/blocked\.html#/);
    expect(errors().join('\n')).toMatch(/the browser allows/);
  });

  it('stays on, alone, when no policy at all can be installed', async () => {
    dnr.MAX_NUMBER_OF_DYNAMIC_RULES = 1;
    await setManaged(warnCn);
    expect(await applyPolicy(deps, { trigger: 'start' })).toBeNull();
    expect(dnr.dynamic).toEqual([]);
    expect(staticOn()).toBe(true);
    expect(outcome(shipped, { url: deepseek, type: 'main_frame', tabId: 1 })).toMatch(/blocked\.html#/);
  });

  it('a switch the browser refuses is a policy_error; the managed policy still decides', async () => {
    await setManaged(warnCn);
    dnr.failNextRulesetUpdate = true;
    expect((await applyPolicy(deps))?.source).toBe('managed');
    expect(staticOn()).toBe(true);
    expect(errors().join('\n')).toMatch(
      /could not be switched off \(Internal error while updating the rulesets\)/,
    );
    // The policy's rules rank above every static one: warn-cn's warning, not the default's block.
    expect(outcome([...shipped, ...dnr.dynamic], { url: deepseek, type: 'main_frame', tabId: 1 })).toMatch(
      /warn\.html#/,
    );
  });

  it('is left alone where the build has no static ruleset (Firefox)', async () => {
    delete dnr.getEnabledRulesets;
    delete dnr.updateEnabledRulesets;
    await setManaged(warnCn);
    expect((await applyPolicy(deps))?.source).toBe('managed');
    expect(errors()).toEqual([]);
  });
});
