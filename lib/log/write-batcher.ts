// Batches writes: callers wait a few milliseconds for company, then share one transaction. Each promise
// settles with its transaction, so an event counts as stored only once its transaction completed.
export interface WriteBatcher<T> {
  add(item: T): Promise<void>;
  /** Writes whatever is waiting now (used before the worker may sleep, and by tests). */
  flush(): Promise<void>;
}

export interface WriteBatcherOptions<T> {
  write(items: T[]): Promise<void>;
  delayMs?: number;
  maxBatch?: number;
}

interface Waiting<T> {
  item: T;
  resolve: () => void;
  reject: (error: unknown) => void;
}

export function createWriteBatcher<T>(options: WriteBatcherOptions<T>): WriteBatcher<T> {
  const delayMs = options.delayMs ?? 5;
  const maxBatch = options.maxBatch ?? 1000;
  let waiting: Waiting<T>[] = [];
  let timer: ReturnType<typeof setTimeout> | undefined;
  // Batches are written one after another, so the store sees events in the order they were recorded.
  let chain: Promise<void> = Promise.resolve();

  function flush(): Promise<void> {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    const batch = waiting;
    waiting = [];
    if (!batch.length) return chain;
    chain = chain.then(async () => {
      try {
        await options.write(batch.map((w) => w.item));
        for (const w of batch) w.resolve();
      } catch (error) {
        for (const w of batch) w.reject(error);
      }
    });
    return chain;
  }

  return {
    add(item) {
      return new Promise<void>((resolve, reject) => {
        waiting.push({ item, resolve, reject });
        if (waiting.length >= maxBatch) void flush();
        else if (timer === undefined) timer = setTimeout(() => void flush(), delayMs);
      });
    },
    flush,
  };
}
