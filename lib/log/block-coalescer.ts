// Coalesces blocked requests into log events: a page firing thousands of blocked fetches writes at most two
// events per tab, service and request type per window, with the number of requests each stands for.
// The first block of a window is written at once, so a worker stopped during the window loses at most the
// count of the repeats, never the fact that the service was blocked.
import type { RequestType } from './event-schema';

export interface BlockedRequest<E> {
  tabId: number;
  service: string | null;
  resourceType: RequestType;
  /** The event for this request; the first one of a window is written, the later ones are counted. */
  event: E;
}

export interface BlockCoalescer<E> {
  hit(request: BlockedRequest<E>): void;
  /** Records the repeats of every open window now (tests, and a worker that is about to stop). */
  flush(): void;
}

export interface BlockCoalescerOptions<E> {
  windowMs?: number;
  record(event: E & { resourceType: RequestType; count: number }): void;
  setTimer?: (run: () => void, ms: number) => unknown;
}

/**
 * The window opens at a key's first request, which is recorded with count 1 straight away, and closes
 * `windowMs` later, whatever follows; the requests in between are then recorded as one event (the event of
 * the second request, with their count).
 */
export function createBlockCoalescer<E>(options: BlockCoalescerOptions<E>): BlockCoalescer<E> {
  const windowMs = options.windowMs ?? 2000;
  const setTimer = options.setTimer ?? ((run, ms) => setTimeout(run, ms));
  const open = new Map<string, { repeat?: BlockedRequest<E>; count: number }>();

  const record = (request: BlockedRequest<E>, count: number) =>
    options.record({ ...request.event, resourceType: request.resourceType, count });

  function close(key: string): void {
    const window = open.get(key);
    if (!window) return;
    open.delete(key);
    if (window.repeat) record(window.repeat, window.count);
  }

  return {
    hit(request) {
      const key = JSON.stringify([request.tabId, request.service, request.resourceType]);
      const window = open.get(key);
      if (window) {
        window.repeat ??= request;
        window.count++;
        return;
      }
      open.set(key, { count: 0 });
      record(request, 1);
      setTimer(() => close(key), windowMs);
    },
    flush() {
      for (const key of [...open.keys()]) close(key);
    },
  };
}
