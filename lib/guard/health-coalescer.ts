// Coalesces the input guard's health reports: one guard_unavailable event per host and problem per window,
// carrying how many reports it stands for, so a page (or a hostile one opening frames) cannot flood the log.
import type { GuardProblem } from '../log/guard-trigger';

export interface HealthCoalescer {
  /** The count to record now for a report, or null when it only adds to the open window. */
  note(host: string, problem: GuardProblem, now: number): number | null;
}

/**
 * The first report of a key is recorded at once (count 1). Reports inside the next `windowMs` are
 * counted; the first report after the window is recorded with that count included.
 */
export function createHealthCoalescer(windowMs = 60 * 60 * 1000): HealthCoalescer {
  const windows = new Map<string, { opened: number; unrecorded: number }>();
  return {
    note(host, problem, now) {
      const key = `${problem} ${host}`;
      const open = windows.get(key);
      if (open && now - open.opened < windowMs) {
        open.unrecorded++;
        return null;
      }
      windows.set(key, { opened: now, unrecorded: 0 });
      return 1 + (open?.unrecorded ?? 0);
    },
  };
}
