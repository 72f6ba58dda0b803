import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  activePolicyItem,
  deviceIdItem,
  forwardStateItem,
  managedPolicyItem,
  pendingWarnsItem,
} from '../../lib/browser/storage-items';
import { defaultActivePolicy } from '../../lib/policy/active-policy';
import { defaultPolicy } from '../../lib/policy/default-policy';

beforeEach(() => fakeBrowser.reset());

describe('storage items', () => {
  it('absent: read() is null, load() the fallback, inspect() says so without a problem', async () => {
    expect(await activePolicyItem.read()).toBeNull();
    expect(await activePolicyItem.load()).toEqual(defaultActivePolicy());
    expect(await activePolicyItem.inspect()).toMatchObject({ stored: 'absent', problem: null });
    expect(await pendingWarnsItem.load()).toEqual({});
  });

  it('reads back what was written, parsed', async () => {
    const active = { source: 'managed' as const, appliedAt: 5, policy: defaultPolicy(), problems: [] };
    await activePolicyItem.write(active);
    expect(await activePolicyItem.read()).toEqual(active);
    expect((await fakeBrowser.storage.local.get('activePolicy')).activePolicy).toEqual(active);
  });

  it('an unreadable value is never used: the fallback, with the reason', async () => {
    await fakeBrowser.storage.local.set({ activePolicy: { source: 'managed', policy: { name: 3 } } });
    expect(await activePolicyItem.read()).toBeNull();
    const inspected = await activePolicyItem.inspect();
    expect(inspected.stored).toBe('invalid');
    expect(inspected.value).toEqual(defaultActivePolicy());
    expect(inspected.problem).toMatch(/^the stored local value "activePolicy" could not be read \(/);
  });

  it('refuses to write a value that would not read back', async () => {
    await expect(activePolicyItem.write({ source: 'nowhere' } as never)).rejects.toThrow();
    await expect(deviceIdItem.write('not-a-uuid')).rejects.toThrow();
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
  });

  it('a corrupt forwarding state keeps a readable cursor and says what happened', async () => {
    await fakeBrowser.storage.local.set({ forwarding: { cursor: 42, sent: 'many' } });
    const state = await forwardStateItem.load();
    expect(state.cursor).toBe(42);
    expect(state.lastError?.message).toMatch(/^stored forwarding state was unreadable/);
    await fakeBrowser.storage.local.set({ forwarding: 'garbage' });
    expect((await forwardStateItem.load()).cursor).toBe(0);
  });

  it('managed storage that throws (Firefox without a managed manifest) reads as no policy', async () => {
    vi.spyOn(fakeBrowser.storage.managed, 'get').mockRejectedValue(
      new Error('Managed storage manifest not found'),
    );
    expect(await managedPolicyItem.load()).toBeUndefined();
  });

  it('watch() hands over parsed values for its own key and area only', async () => {
    const seen: unknown[] = [];
    const stop = activePolicyItem.watch((value) => seen.push(value?.source ?? null));
    await fakeBrowser.storage.local.set({ activePolicy: { ...defaultActivePolicy(), source: 'last-valid' } });
    await fakeBrowser.storage.session.set({ activePolicy: defaultActivePolicy() });
    await fakeBrowser.storage.local.set({ other: 1 });
    await fakeBrowser.storage.local.set({ activePolicy: 'garbage' });
    stop();
    await fakeBrowser.storage.local.set({ activePolicy: defaultActivePolicy() });
    expect(seen).toEqual(['last-valid', null]);
  });
});
