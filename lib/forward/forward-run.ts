// One forwarding run: from the stored cursor, send batches strictly in order until the outbox is
// empty or an attempt fails. I/O is injected, so Node tests drive it against simulated stores.
import { buildExportRequest, type ForwardingResource } from './otlp-batch';
import type { OutboxRow } from './otlp-log-record';
import type { ExportLogsRequest } from './otlp-schema';
import {
  afterSend,
  afterSkip,
  batchLimit,
  isSuccess,
  mayAttempt,
  overCap,
  type ForwardState,
  type SendOutcome,
} from './forward-state';
import type { ForwardingSettings } from '../policy/forwarding-settings';

export interface ForwardRunIo {
  loadState(): Promise<ForwardState>;
  saveState(state: ForwardState): Promise<void>;
  /** Outbox rows with seq > cursor, ascending, at most `limit`. */
  readAfter(cursor: number, limit: number): Promise<OutboxRow[]>;
  /** Number of outbox rows with seq > cursor. */
  countAfter(cursor: number): Promise<number>;
  /** The seq of the n-th row after cursor (1-based); used to skip over the cap. */
  seqAfter(cursor: number, n: number): Promise<number>;
  send(body: ExportLogsRequest): Promise<SendOutcome>;
  /** Records the skip as a log event, so the gap is visible in the log and at the receiver. */
  recordSkipped(skipped: number, fromSeq: number, toSeq: number): Promise<void>;
  now(): number;
  random(): number;
}

export type ForwardRunResult =
  | { status: 'idle'; state: ForwardState; sent: number }
  | { status: 'waiting'; state: ForwardState; sent: number; retryAt: number };

export async function forwardPending(
  io: ForwardRunIo,
  settings: ForwardingSettings,
  resource: ForwardingResource,
): Promise<ForwardRunResult> {
  let state = await io.loadState();
  let sent = 0;
  const backlog = await io.countAfter(state.cursor);
  const skipped = overCap(backlog, settings.maxBacklog);
  if (skipped > 0) {
    const fromSeq = await io.seqAfter(state.cursor, 1);
    const toSeq = await io.seqAfter(state.cursor, skipped);
    state = afterSkip(state, toSeq, skipped, io.now());
    await io.saveState(state);
    await io.recordSkipped(skipped, fromSeq, toSeq);
  }
  const timing = { retryMaxMs: settings.retryMaxSeconds * 1000, random: () => io.random() };
  for (;;) {
    if (!mayAttempt(state, io.now())) return { status: 'waiting', state, sent, retryAt: state.retryAt! };
    const rows = await io.readAfter(state.cursor, batchLimit(state, settings.batchSize));
    if (rows.length === 0) return { status: 'idle', state, sent };
    const outcome = await io.send(buildExportRequest(rows, resource, settings, io.now()));
    state = afterSend(
      state,
      { lastSeq: rows[rows.length - 1]!.seq, count: rows.length },
      outcome,
      io.now(),
      timing,
    );
    await io.saveState(state);
    if (!isSuccess(outcome)) return { status: 'waiting', state, sent, retryAt: state.retryAt! };
    sent += rows.length;
  }
}
