// The forwarding state machine as pure functions: (state, batch, outcome) → next state. The adapter
// (lib/browser/forwarder.ts) persists the state and does the I/O; every decision is made here.
import { z } from 'zod';
import { backoffDelayMs, parseRetryAfter } from './backoff';

const timestamp = z.number().int().nonnegative();

export const forwardStateSchema = z.strictObject({
  /** Sequence number of the last event the receiver acknowledged (or that was skipped over the cap). */
  cursor: z.number().int().nonnegative().default(0),
  /** Consecutive failed attempts; 0 after any success. */
  failures: z.number().int().nonnegative().default(0),
  /** No attempt before this time (backoff or Retry-After). */
  retryAt: timestamp.nullable().default(null),
  lastAttemptAt: timestamp.nullable().default(null),
  lastSuccessAt: timestamp.nullable().default(null),
  lastError: z.strictObject({ at: timestamp, message: z.string() }).nullable().default(null),
  /** Totals since install: acknowledged, rejected by the receiver (partial success), skipped over the cap. */
  sent: z.number().int().nonnegative().default(0),
  rejected: z.number().int().nonnegative().default(0),
  dropped: z.number().int().nonnegative().default(0),
  /** After a 413 the batch is halved until it fits; null means the configured batch size. */
  batchCap: z.number().int().positive().nullable().default(null),
});
export type ForwardState = z.infer<typeof forwardStateSchema>;

export function initialForwardState(): ForwardState {
  return forwardStateSchema.parse({});
}

/** What one POST came to. */
export type SendOutcome =
  | { kind: 'response'; status: number; retryAfter?: string | null; rejected?: number; message?: string }
  | { kind: 'network'; message: string }
  | { kind: 'timeout'; afterMs: number };

export interface SentBatch {
  lastSeq: number;
  count: number;
}

export interface RetryTiming {
  retryMaxMs: number;
  random: () => number;
}

/** The batch size for the next request: the configured one, or smaller after a 413. */
export function batchLimit(state: ForwardState, batchSize: number): number {
  return Math.min(batchSize, state.batchCap ?? batchSize);
}

/** Retry-After longer than a day is not honoured verbatim: a misconfigured proxy must not stall forwarding for weeks. */
const retryAfterCeilingMs = 86_400_000;

export function mayAttempt(state: ForwardState, now: number): boolean {
  return state.retryAt === null || now >= state.retryAt;
}

export function isSuccess(outcome: SendOutcome): boolean {
  return outcome.kind === 'response' && outcome.status >= 200 && outcome.status < 300;
}

export function afterSend(
  state: ForwardState,
  batch: SentBatch,
  outcome: SendOutcome,
  now: number,
  timing: RetryTiming,
): ForwardState {
  if (outcome.kind === 'response' && isSuccess(outcome)) {
    const rejected = Math.min(outcome.rejected ?? 0, batch.count);
    return {
      ...state,
      cursor: Math.max(state.cursor, batch.lastSeq),
      failures: 0,
      retryAt: null,
      lastAttemptAt: now,
      lastSuccessAt: now,
      sent: state.sent + batch.count - rejected,
      rejected: state.rejected + rejected,
      lastError:
        rejected > 0
          ? {
              at: now,
              message: `the receiver rejected ${rejected} records: ${outcome.message ?? 'no reason given'}`,
            }
          : state.lastError,
    };
  }
  const failures = state.failures + 1;
  const serverDelay = outcome.kind === 'response' ? parseRetryAfter(outcome.retryAfter, now) : undefined;
  const delay =
    serverDelay !== undefined
      ? Math.min(serverDelay, retryAfterCeilingMs)
      : backoffDelayMs(failures, timing.retryMaxMs, timing.random);
  return {
    ...state,
    failures,
    retryAt: now + delay,
    batchCap:
      outcome.kind === 'response' && outcome.status === 413
        ? Math.max(1, Math.floor(batch.count / 2))
        : state.batchCap,
    lastAttemptAt: now,
    lastError: { at: now, message: describeFailure(outcome) },
  };
}

export function describeFailure(outcome: SendOutcome): string {
  switch (outcome.kind) {
    case 'network':
      return `network error: ${outcome.message}`;
    case 'timeout':
      return `no response within ${Math.round(outcome.afterMs / 1000)} s`;
    case 'response': {
      const detail = outcome.message ? `: ${outcome.message}` : '';
      if (outcome.status === 429 || outcome.status >= 500)
        return `HTTP ${outcome.status}${detail} (retrying)`;
      if (outcome.status === 413) return `HTTP 413${detail}: batch too large (retrying with smaller batches)`;
      // OTLP calls other 4xx permanent; retrying still beats losing events while an admin fixes the setting.
      return `HTTP ${outcome.status}${detail}: check forwarding.endpoint and forwarding.headers (retrying)`;
    }
  }
}

/** How many of the oldest unsent events must be skipped to bring the backlog back to the cap. */
export function overCap(backlog: number, maxBacklog: number): number {
  return Math.max(0, backlog - maxBacklog);
}

/** Moves the cursor past skipped events, counting them; the adapter also logs the skip as an event. */
export function afterSkip(
  state: ForwardState,
  lastSkippedSeq: number,
  skipped: number,
  now: number,
): ForwardState {
  return {
    ...state,
    cursor: Math.max(state.cursor, lastSkippedSeq),
    dropped: state.dropped + skipped,
    lastError: { at: now, message: `outbox over its cap: ${skipped} unsent events were skipped` },
  };
}
