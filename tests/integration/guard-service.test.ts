import type { Runtime } from 'webextension-polyfill';
import { afterEach, describe, expect, it } from 'vitest';
import { shippedCatalog } from '../../lib/catalog/shipped-catalog';
import { guardMessageHandlers } from '../../lib/background/guard-service';
import { setEventSink } from '../../lib/background/record-event';
import type { LogEvent } from '../../lib/log/event-schema';
import { compilePolicy } from '../../lib/policy/compile-policy';
import { defaultPolicy } from '../../lib/policy/default-policy';

const handlers = guardMessageHandlers(async () => compilePolicy(defaultPolicy(), shippedCatalog()));
const tab = { id: 3, incognito: false };
const sender = (url: string, incognito = false): Runtime.MessageSender =>
  ({ id: 'ext', url, tab: { id: 3, incognito } }) as unknown as Runtime.MessageSender;

async function recording(run: () => Promise<unknown>): Promise<{ result: unknown; events: LogEvent[] }> {
  const events: LogEvent[] = [];
  await setEventSink(async (event) => void events.push(event));
  const result = await run();
  return { result, events };
}

afterEach(async () => {
  await setEventSink(async () => undefined);
});

describe('paste-guard message handlers', () => {
  it('redacts a paste on an allowed service and records types and counts, never values', async () => {
    const { result, events } = await recording(() =>
      handlers['guard:check'](
        { type: 'guard:check', plain: 'mail jane.doe@example.com', html: null, files: 0 },
        tab,
        sender('https://chatgpt.com/c/1'),
      ),
    );
    expect(result).toMatchObject({ action: 'insert', plain: 'mail [EMAIL]', counts: { EMAIL: 1 } });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      kind: 'redacted',
      service: 'openai-chatgpt',
      host: 'chatgpt.com',
      counts: { EMAIL: 1 },
    });
    expect(JSON.stringify(events)).not.toContain('jane.doe');
  });

  it('tells the content script on a page no guard applies to that it can stand down', async () => {
    await expect(
      handlers['guard:status']({ type: 'guard:status' }, tab, sender('https://github.com/settings')),
    ).resolves.toEqual({ guarded: false });
    await expect(
      handlers['guard:status']({ type: 'guard:status' }, tab, sender('https://github.com/copilot')),
    ).resolves.toEqual({ guarded: true, files: 'allow' });
  });

  it('passes a paste through unchanged on a page that is not guarded, and records nothing', async () => {
    const { result, events } = await recording(() =>
      handlers['guard:check'](
        { type: 'guard:check', plain: 'a@b.com', html: null, files: 0 },
        tab,
        sender('https://example.org/'),
      ),
    );
    expect(result).toEqual({ action: 'pass' });
    expect(events).toEqual([]);
  });

  it('records an override with its justification, and refuses outcomes from unguarded pages', async () => {
    const outcome = {
      type: 'guard:outcome' as const,
      outcome: 'original' as const,
      reason: 'personal-data' as const,
      counts: { EMAIL: 1 },
      justification: 'customer asked',
    };
    const { events } = await recording(() =>
      handlers['guard:outcome'](outcome, tab, sender('https://claude.ai/new')),
    );
    expect(events[0]).toMatchObject({
      kind: 'paste_override',
      justification: 'customer asked',
      host: 'claude.ai',
    });
    await expect(handlers['guard:outcome'](outcome, tab, sender('https://example.org/'))).rejects.toThrow(
      'no input guard applies',
    );
  });

  it('marks the events of a paste in an incognito tab as incognito, from the sender', async () => {
    const check = { type: 'guard:check' as const, plain: 'mail jane.doe@example.com', html: null, files: 0 };
    const { events } = await recording(async () => {
      await handlers['guard:check'](check, tab, sender('https://chatgpt.com/c/1', true));
      await handlers['guard:check'](check, tab, sender('https://chatgpt.com/c/1'));
    });
    expect(events.map((e) => [e.kind, e.incognito])).toEqual([
      ['redacted', true],
      ['redacted', false],
    ]);
  });
});
