import type { Runtime } from 'webextension-polyfill';
import { afterEach, describe, expect, it } from 'vitest';
import { shippedCatalog } from '../../lib/catalog/shipped-catalog';
import { guardMessageHandlers } from '../../lib/background/guard-service';
import { setEventSink } from '../../lib/background/record-event';
import type { LogEvent } from '../../lib/log/event-schema';
import { compilePolicy } from '../../lib/policy/compile-policy';
import { defaultPolicy } from '../../lib/policy/default-policy';

let clock = 0;
const handlers = guardMessageHandlers(
  async () => compilePolicy(defaultPolicy(), shippedCatalog()),
  () => clock,
);
const check = (plain: string, trigger: 'paste' | 'send' | 'upload' = 'paste', preview = false) => ({
  type: 'guard:check' as const,
  trigger,
  plain,
  html: null,
  files: [],
  preview,
});
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
      handlers['guard:check'](check('mail jane.doe@example.com'), tab, sender('https://chatgpt.com/c/1')),
    );
    expect(result).toMatchObject({ action: 'insert', plain: 'mail [EMAIL]', counts: { EMAIL: 1 } });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      kind: 'redacted',
      trigger: 'paste',
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
    ).resolves.toEqual({
      guarded: true,
      paste: 'redact',
      send: 'redact',
      files: 'check',
      readFiles: true,
      maxScanBytes: 10 * 1024 * 1024,
    });
  });

  it('passes a paste through unchanged on a page that is not guarded, and records nothing', async () => {
    const { result, events } = await recording(() =>
      handlers['guard:check'](check('a@b.com'), tab, sender('https://example.org/')),
    );
    expect(result).toEqual({ action: 'pass' });
    expect(events).toEqual([]);
  });

  it('records an override with its justification, and refuses outcomes from unguarded pages', async () => {
    const outcome = {
      type: 'guard:outcome' as const,
      trigger: 'paste' as const,
      files: null,
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
    const input = check('mail jane.doe@example.com');
    const { events } = await recording(async () => {
      await handlers['guard:check'](input, tab, sender('https://chatgpt.com/c/1', true));
      await handlers['guard:check'](input, tab, sender('https://chatgpt.com/c/1'));
    });
    expect(events.map((e) => [e.kind, e.incognito])).toEqual([
      ['redacted', true],
      ['redacted', false],
    ]);
  });

  it('checks a send ahead without recording anything, and records the send itself', async () => {
    const { result, events } = await recording(() =>
      handlers['guard:check'](
        check('to jane.doe@example.com', 'send', true),
        tab,
        sender('https://chatgpt.com/'),
      ),
    );
    expect(result).toMatchObject({ action: 'insert', plain: 'to [EMAIL]' });
    expect(events).toEqual([]);
    const sent = await recording(() =>
      handlers['guard:check'](check('to jane.doe@example.com', 'send'), tab, sender('https://chatgpt.com/')),
    );
    expect(sent.events.map((e) => [e.kind, 'trigger' in e ? e.trigger : null])).toEqual([
      ['redacted', 'send'],
    ]);
  });

  it('redacts an uploaded text file and records its count and extension, not its name or content', async () => {
    const { result, events } = await recording(() =>
      handlers['guard:check'](
        {
          ...check('', 'upload'),
          files: [
            { extension: 'csv', mimeType: 'text/csv', size: 40, text: 'name,mail\nAnna,anna@example.com\n' },
          ],
        },
        tab,
        sender('https://claude.ai/new'),
      ),
    );
    expect(result).toMatchObject({
      action: 'insert',
      files: [{ action: 'redact', text: 'name,mail\nAnna,[EMAIL]\n' }],
    });
    expect(events).toMatchObject([
      { kind: 'upload_redacted', trigger: 'upload', files: 1, extensions: ['csv'], counts: { EMAIL: 1 } },
    ]);
    expect(JSON.stringify(events)).not.toContain('anna@');
  });

  it('records guard_unavailable once per host and problem per hour, with the repeats counted', async () => {
    const report = {
      type: 'guard:health' as const,
      trigger: 'send' as const,
      problem: 'send-control' as const,
    };
    const { events } = await recording(async () => {
      clock = 1_000_000;
      for (let i = 0; i < 50; i++)
        await handlers['guard:health'](report, tab, sender('https://gemini.google.com/app'));
      await handlers['guard:health'](report, tab, sender('https://claude.ai/new'));
      clock += 60 * 60 * 1000;
      await handlers['guard:health'](report, tab, sender('https://gemini.google.com/app'));
      // Not guarded: nothing to report about.
      await handlers['guard:health'](report, tab, sender('https://example.org/'));
    });
    expect(events.map((e) => [e.kind, e.host, 'count' in e ? e.count : null])).toEqual([
      ['guard_unavailable', 'gemini.google.com', 1],
      ['guard_unavailable', 'claude.ai', 1],
      ['guard_unavailable', 'gemini.google.com', 50],
    ]);
  });
});
