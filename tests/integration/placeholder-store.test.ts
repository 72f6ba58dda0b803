// Kept placeholder maps (`redaction.placeholderMap: tab`): session storage only, the sender's own tab only,
// the top frame only, and gone when the tab closes, leaves the origin, or a policy stops keeping them.
import type { Runtime } from 'webextension-polyfill';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  forgetTabPlaceholders,
  keptPlaceholdersFollow,
  placeholderMessageHandlers,
  tabNavigated,
} from '../../lib/background/placeholder-store';
import { shippedCatalog } from '../../lib/catalog/shipped-catalog';
import type { PlaceholderEntry } from '../../lib/guard/placeholder-map';
import { compilePolicy } from '../../lib/policy/compile-policy';
import { defaultPolicy } from '../../lib/policy/default-policy';
import { policySchema, type PolicyInput } from '../../lib/policy/policy-schema';

const policyWith = (redaction: PolicyInput['redaction']) =>
  policySchema.parse({ ...defaultPolicy(), redaction: { ...defaultPolicy().redaction, ...redaction } });
let policy = policyWith({ placeholders: 'restore', placeholderMap: 'tab' });
const handlers = placeholderMessageHandlers(async () => compilePolicy(policy, shippedCatalog()));

const anna: PlaceholderEntry = { type: 'EMAIL', n: 1, original: 'anna.berg@example.com' };
const iban: PlaceholderEntry = { type: 'IBAN', n: 1, original: 'DE89370400440532013000' };
const tab = (id: number) => ({ id, incognito: false });
const sender = (tabId: number, url: string, frameId = 0): Runtime.MessageSender =>
  ({ id: 'ext', url, frameId, tab: { id: tabId } }) as unknown as Runtime.MessageSender;
const add = (tabId: number, url: string, entries: PlaceholderEntry[], frameId = 0) =>
  handlers['placeholders:add'](
    { type: 'placeholders:add', entries },
    tab(tabId),
    sender(tabId, url, frameId),
  );
const load = (tabId: number, url: string, frameId = 0) =>
  handlers['placeholders:load']({ type: 'placeholders:load' }, tab(tabId), sender(tabId, url, frameId));

beforeEach(() => {
  fakeBrowser.reset();
  policy = policyWith({ placeholders: 'restore', placeholderMap: 'tab' });
});

describe('kept placeholder maps', () => {
  it('keeps what a tab numbered in session storage, and gives it back to that tab only', async () => {
    await expect(add(1, 'https://chatgpt.com/c/1', [anna])).resolves.toEqual({ kept: true });
    await add(1, 'https://chatgpt.com/c/1', [iban, anna]);
    await add(2, 'https://chatgpt.com/', [{ ...anna, original: 'someone@else.example' }]);
    await expect(load(1, 'https://chatgpt.com/c/2')).resolves.toEqual({ entries: [anna, iban] });
    await expect(load(2, 'https://chatgpt.com/')).resolves.toEqual({
      entries: [{ ...anna, original: 'someone@else.example' }],
    });
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
    expect(Object.keys(await fakeBrowser.storage.session.get(null))).toEqual(['keptPlaceholders']);
  });

  it('keeps nothing for frames inside the page, and for another origin in the same tab', async () => {
    await expect(add(1, 'https://chatgpt.com/frame', [anna], 4)).resolves.toEqual({ kept: false });
    await expect(load(1, 'https://chatgpt.com/', 4)).resolves.toEqual({ entries: [] });
    await add(1, 'https://chatgpt.com/', [anna]);
    await expect(load(1, 'https://claude.ai/')).resolves.toEqual({ entries: [] });
  });

  it.each<[string, PolicyInput['redaction']]>([
    ['placeholderMap: page', { placeholders: 'restore', placeholderMap: 'page' }],
    ['typed placeholders', { placeholders: 'typed', placeholderMap: 'tab' }],
  ])('keeps nothing, and drops what the tab had, under %s', async (_name, redaction) => {
    await add(1, 'https://chatgpt.com/', [anna]);
    policy = policyWith(redaction);
    await expect(add(1, 'https://chatgpt.com/', [iban])).resolves.toEqual({ kept: false });
    await expect(load(1, 'https://chatgpt.com/')).resolves.toEqual({ entries: [] });
    expect(await fakeBrowser.storage.session.get(null)).toEqual({ keptPlaceholders: {} });
  });

  it('keeps nothing on a page no guard applies to', async () => {
    await expect(add(1, 'https://example.org/', [anna])).resolves.toEqual({ kept: false });
  });

  it('forgets a tab when it closes, or navigates to another origin; not on a navigation within it', async () => {
    await add(1, 'https://chatgpt.com/', [anna]);
    await add(2, 'https://chatgpt.com/', [iban]);
    await tabNavigated(1, 'https://chatgpt.com/c/other');
    await expect(load(1, 'https://chatgpt.com/')).resolves.toEqual({ entries: [anna] });
    await tabNavigated(1, 'https://example.org/');
    await forgetTabPlaceholders(2);
    await expect(load(1, 'https://chatgpt.com/')).resolves.toEqual({ entries: [] });
    await expect(load(2, 'https://chatgpt.com/')).resolves.toEqual({ entries: [] });
  });

  it('drops every kept map when a policy that keeps none is applied', async () => {
    await add(1, 'https://chatgpt.com/', [anna]);
    await keptPlaceholdersFollow(policyWith({ placeholders: 'restore', placeholderMap: 'tab' }));
    expect(await fakeBrowser.storage.session.get(null)).toEqual({
      keptPlaceholders: { 1: { origin: 'https://chatgpt.com', entries: [anna] } },
    });
    await keptPlaceholdersFollow(policyWith({ placeholders: 'numbered', placeholderMap: 'page' }));
    expect(await fakeBrowser.storage.session.get(null)).toEqual({ keptPlaceholders: {} });
  });

  it('loses no addition when two tabs add at once', async () => {
    await Promise.all([
      add(1, 'https://chatgpt.com/', [anna]),
      add(2, 'https://chatgpt.com/', [iban]),
      add(1, 'https://chatgpt.com/', [iban]),
    ]);
    await expect(load(1, 'https://chatgpt.com/')).resolves.toEqual({ entries: [anna, iban] });
    await expect(load(2, 'https://chatgpt.com/')).resolves.toEqual({ entries: [iban] });
  });
});
