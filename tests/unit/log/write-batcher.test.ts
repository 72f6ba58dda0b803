import { describe, expect, it } from 'vitest';
import { createWriteBatcher } from '../../../lib/log/write-batcher';

describe('createWriteBatcher', () => {
  it('writes items added together in one batch, in order, and resolves after the write', async () => {
    const writes: number[][] = [];
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const batcher = createWriteBatcher<number>({
      delayMs: 1,
      write: async (items) => {
        writes.push(items);
        await gate;
      },
    });
    let settled = 0;
    const all = [1, 2, 3].map((n) => batcher.add(n).then(() => settled++));
    await new Promise((r) => setTimeout(r, 10));
    expect(writes).toEqual([[1, 2, 3]]);
    expect(settled).toBe(0);
    release();
    await Promise.all(all);
    expect(settled).toBe(3);
  });

  it('rejects every item of a failed batch and keeps writing later ones', async () => {
    let fail = true;
    const written: number[] = [];
    const batcher = createWriteBatcher<number>({
      delayMs: 1,
      write: async (items) => {
        if (fail) throw new Error('disk on fire');
        written.push(...items);
      },
    });
    const failed = [batcher.add(1), batcher.add(2)].map((p) =>
      p.then(
        () => 'ok',
        (e: Error) => e.message,
      ),
    );
    expect(await Promise.all(failed)).toEqual(['disk on fire', 'disk on fire']);
    fail = false;
    await batcher.add(3);
    expect(written).toEqual([3]);
  });

  it('writes at once when the batch is full, and batches one after another', async () => {
    const writes: number[][] = [];
    const batcher = createWriteBatcher<number>({
      delayMs: 10_000,
      maxBatch: 2,
      write: async (items) => void writes.push(items),
    });
    await Promise.all([batcher.add(1), batcher.add(2), batcher.add(3), batcher.add(4)]);
    expect(writes).toEqual([
      [1, 2],
      [3, 4],
    ]);
  });

  it('flush writes what is waiting without the delay', async () => {
    const writes: number[][] = [];
    const batcher = createWriteBatcher<number>({ delayMs: 10_000, write: async (i) => void writes.push(i) });
    const added = batcher.add(9);
    await batcher.flush();
    await added;
    expect(writes).toEqual([[9]]);
  });
});
