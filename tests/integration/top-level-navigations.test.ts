import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { loadCompiledPolicy } from '../../lib/background/current-policy';
import { grantAccess } from '../../lib/background/grants';
import { openInterstitial } from '../../lib/background/interstitial-service';
import { enforceOnOpenTabs } from '../../lib/background/navigation-backstop';
import { applyPolicy, type PolicyLoaderDeps } from '../../lib/background/policy-loader';
import { setEventSink } from '../../lib/background/record-event';
import { onTopLevelPage } from '../../lib/background/top-level-navigations';
import type { LogEvent } from '../../lib/log/event-schema';
import auditOnly from '../../policies/examples/audit-only.json';
import warnCn from '../../policies/examples/warn-cn.json';
import { fakeDnr } from './fake-dnr';

const pages = { blockPageUrl: 'ext:/blocked.html', warnPageUrl: 'ext:/warn.html' };
let events: LogEvent[];
let deps: PolicyLoaderDeps;

beforeEach(async () => {
  fakeBrowser.reset();
  events = [];
  await setEventSink(async (event) => void events.push(event));
  deps = { dnr: fakeDnr(), target: { browser: 'chromium', ...pages } };
});

async function inForce(policy?: unknown) {
  if (policy) await fakeBrowser.storage.managed.set({ policy });
  await applyPolicy(deps);
  events = [];
}

/** A tab whose top frame committed `url` without the rules seeing it (a site's service worker answered). */
async function committed(url: string, tabId?: number) {
  const tab =
    tabId === undefined
      ? await fakeBrowser.tabs.create({ url })
      : await fakeBrowser.tabs.update(tabId, { url });
  await onTopLevelPage(tab.id!, url, pages);
  return (await fakeBrowser.tabs.get(tab.id!))!;
}

describe('the navigation backstop', () => {
  it('sends a page the rules never saw to the block page, which then records its block', async () => {
    await inForce();
    const tab = await committed('https://chat.deepseek.com/served-by-its-worker');
    expect(tab.url).toBe('ext:/blocked.html#https://chat.deepseek.com/served-by-its-worker');
    await openInterstitial('blocked', 'https://chat.deepseek.com/served-by-its-worker', {
      id: tab.id!,
      incognito: false,
    });
    expect(events.map((e) => [e.kind, e.host])).toEqual([['blocked', 'chat.deepseek.com']]);
  });

  it('sends a warned page to the warn page, unless the tab holds a grant for that service', async () => {
    await inForce(warnCn);
    const without = await committed('https://chat.deepseek.com/');
    expect(without.url).toBe('ext:/warn.html#https://chat.deepseek.com/');
    const granted = await fakeBrowser.tabs.create({ url: 'about:blank' });
    await grantAccess(deps.dnr, granted.id!, { service: 'deepseek', rule: 'warn-cn-jurisdiction' }, [], 30);
    expect((await committed('https://chat.deepseek.com/c/1', granted.id)).url).toBe(
      'https://chat.deepseek.com/c/1',
    );
    // The grant is for DeepSeek only.
    expect((await committed('https://kimi.moonshot.cn/', granted.id)).url).toBe(
      'ext:/warn.html#https://kimi.moonshot.cn/',
    );
  });

  it('leaves allowed services and other sites alone', async () => {
    await inForce();
    expect((await committed('https://chatgpt.com/')).url).toBe('https://chatgpt.com/');
    expect((await committed('https://example.org/')).url).toBe('https://example.org/');
    expect(events).toEqual([]);
  });

  it('sends the tabs already open on a service a new policy blocks to the block page', async () => {
    await inForce(warnCn);
    const deepseek = await fakeBrowser.tabs.create({ url: 'https://chat.deepseek.com/c/1' });
    const chatgpt = await fakeBrowser.tabs.create({ url: 'https://chatgpt.com/' });
    await inForce({
      name: 'Block DeepSeek',
      version: '1',
      rules: [{ id: 'b', match: { services: ['deepseek'] }, action: 'block' }],
    });
    expect(await enforceOnOpenTabs((await loadCompiledPolicy()).compiled, pages)).toBe(1);
    expect((await fakeBrowser.tabs.get(deepseek.id!))!.url).toBe(
      'ext:/blocked.html#https://chat.deepseek.com/c/1',
    );
    expect((await fakeBrowser.tabs.get(chatgpt.id!))!.url).toBe('https://chatgpt.com/');
  });
});

describe('the visit log', () => {
  it('records in audit mode what enforcement would have done, once per tab and service visit', async () => {
    await inForce(auditOnly);
    const tab = await committed('https://chat.deepseek.com/');
    expect(tab.url).toBe('https://chat.deepseek.com/'); // audit never stops a page
    await committed('https://chat.deepseek.com/a/chat/s/1', tab.id);
    await committed('https://chat.deepseek.com/a/chat/s/2', tab.id);
    await committed('https://example.org/', tab.id);
    await committed('https://chat.deepseek.com/', tab.id);
    const other = await committed('https://chat.deepseek.com/');
    await committed('https://chat.qwen.ai/', other.id);
    expect(events.map((e) => [e.kind, e.service, e.rule])).toEqual([
      ['would_block', 'deepseek', 'cn-jurisdiction'],
      ['would_block', 'deepseek', 'cn-jurisdiction'],
      ['would_block', 'deepseek', 'cn-jurisdiction'],
      ['would_warn', 'qwen-chat-intl', 'unknown-jurisdiction'],
    ]);
  });

  it('records visited_allowed only when the policy asks for it', async () => {
    await inForce();
    await committed('https://chatgpt.com/');
    expect(events).toEqual([]);
    await inForce({ name: 'Log allowed visits', version: '1', logging: { visitedAllowed: true } });
    const tab = await committed('https://chatgpt.com/');
    await committed('https://chatgpt.com/c/2', tab.id);
    expect(events.map((e) => [e.kind, e.service])).toEqual([['visited_allowed', 'openai-chatgpt']]);
  });
});
