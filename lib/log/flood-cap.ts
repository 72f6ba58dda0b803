// Caps the blocked-request events one tab can write: a page firing requests at many services (each key of
// the coalescer its own window) must not fill the log, nor push the user's own continued or paste_override
// events out by count. Past the cap, requests are counted, and the flood is on record twice: a marker when
// the cap engages and the number held back when the minute ends.

export interface FloodCapOptions {
  /** Blocked-request events per tab and window; more are held back. */
  limit?: number;
  windowMs?: number;
  now?: () => number;
  setTimer?: (run: () => void, ms: number) => unknown;
  /** The cap engaged for this tab (its first held-back event of the window). */
  onEngage(tabId: number): void;
  /** The window of a capped tab ended: how many blocked requests it held back. */
  onEnd(tabId: number, suppressed: number): void;
}

export interface FloodCap {
  /** Whether the event standing for `requests` blocked requests of this tab may be written. */
  admit(tabId: number, requests: number): boolean;
}

export const floodLimitPerMinute = 30;

interface Window {
  start: number;
  admitted: number;
  suppressed: number;
}

export function createFloodCap(options: FloodCapOptions): FloodCap {
  const limit = options.limit ?? floodLimitPerMinute;
  const windowMs = options.windowMs ?? 60_000;
  const now = options.now ?? Date.now;
  const setTimer = options.setTimer ?? ((run, ms) => setTimeout(run, ms));
  const windows = new Map<number, Window>();

  return {
    admit(tabId, requests) {
      const at = now();
      let window = windows.get(tabId);
      if (!window || at - window.start >= windowMs) {
        window = { start: at, admitted: 0, suppressed: 0 };
        windows.set(tabId, window);
        const opened = window;
        // Forget the window when it ends (and report what it held back, if anything).
        setTimer(() => {
          if (windows.get(tabId) === opened) windows.delete(tabId);
          if (opened.suppressed) options.onEnd(tabId, opened.suppressed);
        }, windowMs);
      }
      if (window.admitted < limit) {
        window.admitted++;
        return true;
      }
      if (window.suppressed === 0) options.onEngage(tabId);
      window.suppressed += requests;
      return false;
    },
  };
}
