import { describe, expect, it } from 'vitest';
import { createHealthCoalescer } from '../../../lib/guard/health-coalescer';

describe('health coalescer', () => {
  it('records the first report at once and folds repeats into the next window’s event', () => {
    const health = createHealthCoalescer(1000);
    expect(health.note('chatgpt.com', 'send-control', 0)).toBe(1);
    expect(health.note('chatgpt.com', 'send-control', 10)).toBeNull();
    expect(health.note('chatgpt.com', 'send-control', 999)).toBeNull();
    expect(health.note('chatgpt.com', 'send-control', 1000)).toBe(3);
    expect(health.note('chatgpt.com', 'send-control', 1001)).toBeNull();
  });

  it('keeps hosts and problems apart', () => {
    const health = createHealthCoalescer(1000);
    expect(health.note('chatgpt.com', 'send-control', 0)).toBe(1);
    expect(health.note('chatgpt.com', 'composer', 0)).toBe(1);
    expect(health.note('claude.ai', 'send-control', 0)).toBe(1);
  });

  it('writes one event for a flood of reports within the window', () => {
    const health = createHealthCoalescer(60_000);
    const recorded = Array.from({ length: 10_000 }, (_, i) => health.note('x.example', 'composer', i)).filter(
      (n) => n !== null,
    );
    expect(recorded).toEqual([1]);
  });
});
