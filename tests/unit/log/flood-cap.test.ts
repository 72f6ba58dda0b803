import { describe, expect, it } from 'vitest';
import { createFloodCap } from '../../../lib/log/flood-cap';

function harness(limit = 3) {
  let now = 0;
  const timers: { at: number; run: () => void }[] = [];
  const seen: string[] = [];
  const cap = createFloodCap({
    limit,
    windowMs: 60_000,
    now: () => now,
    setTimer: (run, ms) => timers.push({ at: now + ms, run }),
    onEngage: (tab) => seen.push(`engage ${tab}`),
    onEnd: (tab, n) => seen.push(`end ${tab} ${n}`),
  });
  const advance = (ms: number) => {
    now += ms;
    for (const timer of timers.splice(0).filter((t) => (t.at <= now ? (t.run(), false) : true)))
      timers.push(timer);
  };
  return { cap, seen, advance };
}

describe('createFloodCap', () => {
  it('admits the first events of a tab in a minute, then counts the rest and marks the flood twice', () => {
    const { cap, seen, advance } = harness();
    const admitted = [1, 1, 1, 5, 7, 1].map((n) => cap.admit(4, n));
    expect(admitted).toEqual([true, true, true, false, false, false]);
    expect(seen).toEqual(['engage 4']);
    advance(60_000);
    expect(seen).toEqual(['engage 4', 'end 4 13']);
    // A new minute starts afresh.
    expect(cap.admit(4, 1)).toBe(true);
  });

  it('caps each tab on its own and says nothing about a tab that stayed under the cap', () => {
    const { cap, seen, advance } = harness();
    for (let i = 0; i < 5; i++) cap.admit(1, 1);
    expect([cap.admit(2, 1), cap.admit(2, 1)]).toEqual([true, true]);
    advance(60_000);
    expect(seen).toEqual(['engage 1', 'end 1 2']);
  });
});
