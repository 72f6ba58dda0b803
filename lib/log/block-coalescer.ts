// Coalesces blocked requests into log events: a page firing thousands of blocked fetches writes one event
// per tab, service and request type per window, with the number of requests it stands for.
import type { RequestType } from './event-schema';

export interface BlockedRequest<E> {
  tabId: number;
  service: string | null;
  resourceType: RequestType;
  /** The event for the first request of a window; `count` is added when the window closes. */
  event: E;
}

export interface BlockCoalescer<E> {
  hit(request: BlockedRequest<E>): void;
  /** Records every open window now (tests, and a worker that is about to stop). */
  flush(): void;
}

export interface BlockCoalescerOptions<E> {
  windowMs?: number;
  record(event: E & { resourceType: RequestType; count: number }): void;
  setTimer?: (run: () => void, ms: number) => unknown;
}

/** The window opens at a key's first request and closes `windowMs` later, whatever follows. */
export function createBlockCoalescer<E>(options: BlockCoalescerOptions<E>): BlockCoalescer<E> {
  const windowMs = options.windowMs ?? 2000;
  const setTimer = options.setTimer ?? ((run, ms) => setTimeout(run, ms));
  const open = new Map<string, { first: BlockedRequest<E>; count: number }>();

  function close(key: string): void {
    const window = open.get(key);
    if (!window) return;
    open.delete(key);
    options.record({ ...window.first.event, resourceType: window.first.resourceType, count: window.count });
  }

  return {
    hit(request) {
      const key = JSON.stringify([request.tabId, request.service, request.resourceType]);
      const window = open.get(key);
      if (window) {
        window.count++;
        return;
      }
      open.set(key, { first: request, count: 1 });
      setTimer(() => close(key), windowMs);
    },
    flush() {
      for (const key of [...open.keys()]) close(key);
    },
  };
}
