import { describe, expect, it } from 'vitest';
import {
  afterSend,
  afterSkip,
  batchLimit,
  initialForwardState,
  mayAttempt,
  overCap,
  type SendOutcome,
} from '../../../lib/forward/forward-state';

const now = 1_000_000;
const timing = { retryMaxMs: 60_000, random: () => 0.5 };
const batch = { lastSeq: 100, count: 100 };

describe('afterSend', () => {
  it('advances the cursor and clears failures only after a 2xx', () => {
    const failed = afterSend(initialForwardState(), batch, { kind: 'response', status: 503 }, now, timing);
    const next = afterSend(failed, batch, { kind: 'response', status: 204 }, now + 5000, timing);
    expect(next).toMatchObject({
      cursor: 100,
      failures: 0,
      retryAt: null,
      lastSuccessAt: now + 5000,
      sent: 100,
    });
    expect(next.lastError?.message).toContain('503');
  });

  it.each<[string, SendOutcome, string]>([
    ['a network error', { kind: 'network', message: 'net::ERR_CONNECTION_REFUSED' }, 'network error'],
    ['a timeout', { kind: 'timeout', afterMs: 30_000 }, 'no response within 30 s'],
    ['a 500', { kind: 'response', status: 500 }, 'HTTP 500'],
    ['a 429 without Retry-After', { kind: 'response', status: 429 }, 'HTTP 429'],
    [
      'a 401 (misconfigured key)',
      { kind: 'response', status: 401 },
      'check forwarding.endpoint and forwarding.headers',
    ],
  ])('keeps the cursor and backs off with jitter after %s', (_name, outcome, message) => {
    const state = afterSend({ ...initialForwardState(), failures: 2 }, batch, outcome, now, timing);
    expect(state.cursor).toBe(0);
    expect(state.failures).toBe(3);
    expect(state.retryAt).toBe(now + 2000); // 0.5 · min(60 s, 1 s · 2²)
    expect(state.lastError?.message).toContain(message);
  });

  it('honours Retry-After over the jittered backoff', () => {
    const outcome: SendOutcome = { kind: 'response', status: 429, retryAfter: '7' };
    expect(afterSend(initialForwardState(), batch, outcome, now, timing).retryAt).toBe(now + 7000);
  });

  it('bounds an absurd Retry-After to a day', () => {
    const outcome: SendOutcome = { kind: 'response', status: 503, retryAfter: '99999999' };
    expect(afterSend(initialForwardState(), batch, outcome, now, timing).retryAt).toBe(now + 86_400_000);
  });

  it('never moves the cursor backwards', () => {
    const state = { ...initialForwardState(), cursor: 500 };
    expect(afterSend(state, batch, { kind: 'response', status: 200 }, now, timing).cursor).toBe(500);
  });

  it('counts records the receiver rejected in a partial success and reports them', () => {
    const outcome: SendOutcome = { kind: 'response', status: 200, rejected: 3, message: 'too old' };
    const state = afterSend(initialForwardState(), batch, outcome, now, timing);
    expect(state).toMatchObject({ cursor: 100, sent: 97, rejected: 3 });
    expect(state.lastError?.message).toBe('the receiver rejected 3 records: too old');
  });
});

describe('batchLimit', () => {
  it('halves the batch after each 413 until it fits, and keeps the smaller size after a success', () => {
    let state = initialForwardState();
    expect(batchLimit(state, 100)).toBe(100);
    state = afterSend(state, batch, { kind: 'response', status: 413 }, now, timing);
    expect(batchLimit(state, 100)).toBe(50);
    expect(state.lastError?.message).toContain('batch too large');
    state = afterSend(state, { lastSeq: 50, count: 50 }, { kind: 'response', status: 413 }, now, timing);
    expect(batchLimit(state, 100)).toBe(25);
    state = afterSend(state, { lastSeq: 25, count: 25 }, { kind: 'response', status: 200 }, now, timing);
    expect([state.cursor, batchLimit(state, 100)]).toEqual([25, 25]);
    expect(batchLimit({ ...state, batchCap: 1 }, 100)).toBe(1);
  });
});

describe('mayAttempt', () => {
  it.each([
    ['no backoff pending', null, now, true],
    ['before retryAt', now + 1, now, false],
    ['at retryAt', now, now, true],
  ])('%s', (_name, retryAt, at, expected) => {
    expect(mayAttempt({ ...initialForwardState(), retryAt }, at)).toBe(expected);
  });
});

describe('the outbox cap', () => {
  it.each([
    [99, 100, 0],
    [100, 100, 0],
    [150, 100, 50],
  ])('backlog %i with cap %i skips %i', (backlog, cap, skipped) => {
    expect(overCap(backlog, cap)).toBe(skipped);
  });

  it('skipping moves the cursor, counts the drop and says so', () => {
    const state = afterSkip({ ...initialForwardState(), cursor: 10 }, 60, 50, now);
    expect(state).toMatchObject({ cursor: 60, dropped: 50 });
    expect(state.lastError?.message).toBe('outbox over its cap: 50 unsent events were skipped');
  });
});
