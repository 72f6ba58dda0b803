import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { loadCompiledPolicy } from '../../lib/background/current-policy';
import { applyPolicy, type PolicyLoaderDeps } from '../../lib/background/policy-loader';
import { setEventSink } from '../../lib/background/record-event';
import { guardForPage } from '../../lib/guard/guard-for-page';
import warnCn from '../../policies/examples/warn-cn.json';
import { fakeDnr } from './fake-dnr';

let deps: PolicyLoaderDeps;

beforeEach(async () => {
  fakeBrowser.reset();
  await setEventSink(async () => {});
  deps = {
    dnr: fakeDnr(),
    target: { browser: 'chromium', blockPageUrl: 'ext:/blocked.html', warnPageUrl: 'ext:/warn.html' },
  };
});

describe('loadCompiledPolicy', () => {
  it('compiles the applied policy once: later messages get the same compiled policy and redaction settings', async () => {
    await applyPolicy(deps);
    const first = await loadCompiledPolicy();
    const second = await loadCompiledPolicy();
    expect(first.active.policy.name).toBe('Gatehouse default');
    expect(second.compiled).toBe(first.compiled);
    // The redaction engine caches its compiled detectors per settings object: the same object keeps it warm.
    const guard = (current: typeof first) => guardForPage('https://chatgpt.com/', current.compiled);
    const [a, b] = [guard(first), guard(second)];
    expect(a.guarded && b.guarded && a.redaction === b.redaction).toBe(true);
  });

  it('compiles again once a new policy is applied, and caches that one', async () => {
    await applyPolicy(deps);
    const before = await loadCompiledPolicy();
    await fakeBrowser.storage.managed.set({ policy: warnCn });
    await applyPolicy(deps);
    const after = await loadCompiledPolicy();
    expect(after.compiled).not.toBe(before.compiled);
    expect(after.active.policy.name).toBe(warnCn.name);
    expect((await loadCompiledPolicy()).compiled).toBe(after.compiled);
  });
});
