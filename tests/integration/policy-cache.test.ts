import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createPolicyCache, loadCompiledPolicy } from '../../lib/background/current-policy';
import { activePolicyItem } from '../../lib/browser/storage-items';
import { defaultPolicy } from '../../lib/policy/default-policy';

beforeEach(() => fakeBrowser.reset());

describe('the compiled policy cache of the input guard', () => {
  it('reads once, and again after the loader stores a new policy', async () => {
    let loads = 0;
    const cache = createPolicyCache(async () => {
      loads++;
      return (await loadCompiledPolicy()).compiled;
    });
    expect((await cache.compiled()).policy.name).toBe('Gatehouse default');
    await cache.compiled();
    expect(loads).toBe(1);

    await activePolicyItem.write({
      source: 'managed',
      appliedAt: 1,
      policy: { ...defaultPolicy(), name: 'Stricter' },
      problems: [],
    });
    await expect.poll(async () => (await cache.compiled()).policy.name).toBe('Stricter');
    expect(loads).toBe(2);
  });

  it('forgets on demand (a policy applied) and never keeps a failed read', async () => {
    let loads = 0;
    const cache = createPolicyCache(async () => {
      if (++loads === 1) throw new Error('storage unavailable');
      return (await loadCompiledPolicy()).compiled;
    });
    await expect(cache.compiled()).rejects.toThrow('storage unavailable');
    await expect(cache.compiled()).resolves.toBeDefined();
    cache.forget();
    await cache.compiled();
    expect(loads).toBe(3);
  });
});
