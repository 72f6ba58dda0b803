import { describe, expect, it, vi } from 'vitest';
import {
  createEventLogSink,
  writeWithQuotaRecovery,
  type SinkStore,
} from '../../lib/background/event-log-sink';
import { recordEvent, setEventSink } from '../../lib/background/record-event';
import { createLogEvent, type LogEvent } from '../../lib/log/event-schema';

function fakeStore(failures: unknown[] = []) {
  const batches: LogEvent[][] = [];
  const store: SinkStore & { batches: LogEvent[][]; pruned: number[] } = {
    batches,
    pruned: [],
    add: vi.fn(async (events: LogEvent[]) => {
      const failure = failures.shift();
      if (failure) throw failure;
      batches.push(events);
      return events.length;
    }),
    count: async () => 5000,
    pruneOldest: async (n: number) => {
      store.pruned.push(n);
      return n;
    },
  };
  return store;
}

const blocked = (id: string) => createLogEvent({ kind: 'blocked', host: 'chat.deepseek.com' }, id, 1);

describe('writeWithQuotaRecovery', () => {
  it('on a full disk prunes the oldest, writes the batch with a log_pruned note, once', async () => {
    const store = fakeStore([new DOMException('full', 'QuotaExceededError')]);
    await writeWithQuotaRecovery(store, [blocked('event-quota-1')], 42);
    expect(store.pruned).toEqual([500]);
    expect(store.batches).toHaveLength(1);
    const [kept, note] = store.batches[0]!;
    expect(kept!.id).toBe('event-quota-1');
    expect(note).toMatchObject({ kind: 'log_pruned', removed: 500, time: 42 });
  });

  it('passes any other error on, so the caller knows the event is not stored', async () => {
    const store = fakeStore([new DOMException('gone', 'InvalidStateError')]);
    await expect(writeWithQuotaRecovery(store, [blocked('event-other-1')])).rejects.toThrow('gone');
    expect(store.pruned).toEqual([]);
  });
});

describe('createEventLogSink', () => {
  it('batches events into one write and applies the logging privacy in force', async () => {
    const store = fakeStore();
    let fullUrls = false;
    let keepPromptParameters = false;
    const sink = createEventLogSink(
      async () => store,
      () => ({ fullUrls, keepPromptParameters }),
      { delayMs: 1 },
    );
    const withUrl = (id: string) =>
      createLogEvent({ kind: 'blocked', host: 'a.test/p?q=1', url: 'https://a.test/p?page=2&q=1' }, id, 1);
    await Promise.all([sink.add(withUrl('event-batch-1')), sink.add(withUrl('event-batch-2'))]);
    expect(store.batches).toHaveLength(1);
    expect(store.batches[0]!.map((e) => [e.host, e.url])).toEqual([
      ['a.test', undefined],
      ['a.test', undefined],
    ]);
    fullUrls = true;
    await sink.add(withUrl('event-batch-3'));
    // A full URL loses the parameter prompts travel in, unless the policy keeps them too.
    expect(store.batches[1]![0]!.url).toBe('https://a.test/p?page=2');
    keepPromptParameters = true;
    await sink.add(withUrl('event-batch-4'));
    expect(store.batches[2]![0]!.url).toBe('https://a.test/p?page=2&q=1');
  });
});

describe('recordEvent', () => {
  it('holds events until a sink is installed, then resolves each once stored', async () => {
    await setEventSink(undefined);
    const stored: string[] = [];
    let resolved = false;
    const recorded = recordEvent({ kind: 'warned' }).then((e) => {
      resolved = true;
      return e;
    });
    await new Promise((r) => setTimeout(r, 5));
    expect(resolved).toBe(false);
    await setEventSink(async (event) => void stored.push(event.id));
    const event = await recorded;
    expect(stored).toEqual([event.id]);
    await setEventSink(undefined);
  });

  it('rejects when the sink could not store the event', async () => {
    await setEventSink(async () => {
      throw new Error('transaction aborted');
    });
    await expect(recordEvent({ kind: 'blocked' })).rejects.toThrow('transaction aborted');
    await setEventSink(undefined);
  });
});
