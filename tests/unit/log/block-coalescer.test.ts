import { describe, expect, it } from 'vitest';
import { createBlockCoalescer, type BlockedRequest } from '../../../lib/log/block-coalescer';

function harness(windowMs = 2000) {
  const recorded: { host: string; resourceType: string; count: number }[] = [];
  const timers: { at: number; run: () => void }[] = [];
  let now = 0;
  const coalescer = createBlockCoalescer<{ host: string }>({
    windowMs,
    record: (event) => recorded.push(event),
    setTimer: (run, ms) => timers.push({ at: now + ms, run }),
  });
  const advance = (ms: number) => {
    now += ms;
    for (const timer of timers.filter((t) => t.at <= now)) {
      timers.splice(timers.indexOf(timer), 1);
      timer.run();
    }
  };
  return { coalescer, recorded, advance };
}

const fetchOf = (tabId: number, host = 'api.deepseek.com'): BlockedRequest<{ host: string }> => ({
  tabId,
  service: 'deepseek',
  resourceType: 'xmlhttprequest',
  event: { host },
});

describe('createBlockCoalescer', () => {
  it('writes the first of 10,000 blocked fetches at once, and the other 9,999 as one event when the window closes', () => {
    const { coalescer, recorded, advance } = harness();
    for (let i = 0; i < 10_000; i++) coalescer.hit(fetchOf(1));
    expect(recorded).toEqual([{ host: 'api.deepseek.com', resourceType: 'xmlhttprequest', count: 1 }]);
    advance(1999);
    expect(recorded).toHaveLength(1);
    advance(1);
    expect(recorded).toEqual([
      { host: 'api.deepseek.com', resourceType: 'xmlhttprequest', count: 1 },
      { host: 'api.deepseek.com', resourceType: 'xmlhttprequest', count: 9_999 },
    ]);
    expect(recorded.reduce((n, e) => n + e.count, 0)).toBe(10_000);
  });

  it('keeps tabs, services and request types apart', () => {
    const { coalescer, recorded, advance } = harness();
    coalescer.hit(fetchOf(1));
    coalescer.hit(fetchOf(2));
    coalescer.hit({ ...fetchOf(1), service: 'kimi' });
    coalescer.hit({ ...fetchOf(1), resourceType: 'sub_frame' });
    coalescer.hit(fetchOf(1));
    expect(recorded.map((e) => [e.resourceType, e.count])).toEqual([
      ['xmlhttprequest', 1],
      ['xmlhttprequest', 1],
      ['xmlhttprequest', 1],
      ['sub_frame', 1],
    ]);
    advance(2000);
    expect(recorded.map((e) => [e.resourceType, e.count])).toEqual([
      ['xmlhttprequest', 1],
      ['xmlhttprequest', 1],
      ['xmlhttprequest', 1],
      ['sub_frame', 1],
      ['xmlhttprequest', 1],
    ]);
  });

  it('starts a new window after the window closed, writing its first request at once', () => {
    const { coalescer, recorded, advance } = harness();
    coalescer.hit(fetchOf(1, 'first.deepseek.com'));
    advance(1999);
    coalescer.hit(fetchOf(1, 'second.deepseek.com'));
    coalescer.hit(fetchOf(1, 'third.deepseek.com'));
    advance(1);
    coalescer.hit(fetchOf(1, 'fourth.deepseek.com'));
    advance(2000);
    expect(recorded).toEqual([
      { host: 'first.deepseek.com', resourceType: 'xmlhttprequest', count: 1 },
      { host: 'second.deepseek.com', resourceType: 'xmlhttprequest', count: 2 },
      { host: 'fourth.deepseek.com', resourceType: 'xmlhttprequest', count: 1 },
    ]);
  });

  it('records the repeats that are open on flush, once', () => {
    const { coalescer, recorded, advance } = harness();
    coalescer.hit(fetchOf(1));
    coalescer.hit(fetchOf(1));
    coalescer.hit(fetchOf(1));
    coalescer.flush();
    advance(2000);
    expect(recorded.map((e) => e.count)).toEqual([1, 2]);
  });
});
