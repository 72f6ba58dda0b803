// Retry timing: exponential backoff with full jitter, and the server's Retry-After when it gives one.

export const backoffBaseMs = 1000;

/**
 * Full jitter (AWS architecture blog, "Exponential Backoff and Jitter"): a uniform delay in
 * [0, min(cap, base·2^attempt)], so a fleet that failed together does not retry together.
 * `attempt` counts failures so far, starting at 1.
 */
export function backoffDelayMs(attempt: number, capMs: number, random: () => number): number {
  const ceiling = Math.min(capMs, backoffBaseMs * 2 ** Math.min(Math.max(attempt - 1, 0), 30));
  return Math.floor(random() * ceiling);
}

/**
 * Retry-After (RFC 9110 §10.2.3): delay-seconds or an HTTP-date. Returns milliseconds from `now`,
 * or undefined when absent or unreadable (then backoff alone decides).
 */
export function parseRetryAfter(value: string | null | undefined, now: number): number | undefined {
  if (value === null || value === undefined) return undefined;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  if (!/[a-z]/i.test(text)) return undefined;
  const date = Date.parse(text);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - now);
}
