// A loopback OTLP/HTTP JSON logs receiver for tests: it can succeed, fail, throttle, hang or be down,
// validates every payload against the OTLP JSON shape and records log records by event id.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { exportLogsRequestSchema, type LogRecord } from '../../lib/forward/otlp-schema';

/**
 * ok: 200 · fail: 503 · throttle: 429 with Retry-After · hang: never answers · slow: accepts the records
 * but answers only after `slowMs` (the client times out and redelivers) · down: port closed.
 */
export type ReceiverMode = 'ok' | 'fail' | 'throttle' | 'hang' | 'slow' | 'down';

export interface ReceivedRecord {
  id: string;
  seq: number;
  record: LogRecord;
  deliveries: number;
}

export interface ReceiverOptions {
  /** Retry-After seconds sent with 429 in throttle mode. */
  retryAfterSeconds?: number;
  /** How late a slow receiver answers. */
  slowMs?: number;
}

export class OtlpReceiver {
  mode: ReceiverMode = 'ok';
  /** Every record by event id, in the order ids were first seen. */
  readonly records = new Map<string, ReceivedRecord>();
  readonly invalidPayloads: string[] = [];
  readonly statuses = new Map<number | 'hung' | 'slow', number>();
  readonly resourceAttributes: unknown[] = [];
  requests = 0;
  /** When the first and the latest accepted request arrived (for throughput). */
  firstAcceptedAt: number | undefined;
  lastAcceptedAt: number | undefined;
  private server: Server | undefined;
  private readonly sockets = new Set<Socket>();
  private port = 0;

  constructor(private readonly options: ReceiverOptions = {}) {}

  get url(): string {
    return `http://127.0.0.1:${this.port}/v1/logs`;
  }

  /** Records delivered more than once (expected after timeouts; the receiver dedupes by id). */
  get redeliveries(): number {
    let total = 0;
    for (const record of this.records.values()) total += record.deliveries - 1;
    return total;
  }

  async start(): Promise<void> {
    const server = createServer((req, res) => void this.handle(req, res));
    server.on('connection', (socket) => {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.port, '127.0.0.1', () => resolve());
    });
    this.port = (server.address() as AddressInfo).port;
    this.server = server;
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (!server) return;
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** Switches mode; `down` closes the port (connection refused), leaving `down` reopens the same port. */
  async setMode(mode: ReceiverMode): Promise<void> {
    if (mode === 'down' && this.server) await this.stop();
    if (mode !== 'down' && !this.server) await this.start();
    this.mode = mode;
  }

  private count(status: number | 'hung' | 'slow') {
    this.statuses.set(status, (this.statuses.get(status) ?? 0) + 1);
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    this.requests++;
    const mode = this.mode;
    if (mode === 'hang') {
      this.count('hung');
      return; // never answers; the client's timeout must give up
    }
    if (mode === 'fail') return this.reply(res, 503, { error: 'unavailable' });
    if (mode === 'throttle') {
      res.setHeader('Retry-After', String(this.options.retryAfterSeconds ?? 1));
      return this.reply(res, 429, { error: 'slow down' });
    }
    if (req.method !== 'POST' || req.url !== '/v1/logs') return this.reply(res, 404, {});
    if (!String(req.headers['content-type']).startsWith('application/json')) {
      this.invalidPayloads.push(`content-type ${req.headers['content-type']}`);
      return this.reply(res, 415, {});
    }
    let json: unknown;
    try {
      json = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    } catch (error) {
      this.invalidPayloads.push(`not JSON: ${String(error)}`);
      return this.reply(res, 400, {});
    }
    const parsed = exportLogsRequestSchema.safeParse(json);
    if (!parsed.success) {
      this.invalidPayloads.push(parsed.error.message);
      return this.reply(res, 400, {});
    }
    this.firstAcceptedAt ??= Date.now();
    this.lastAcceptedAt = Date.now();
    for (const resourceLogs of parsed.data.resourceLogs) {
      this.resourceAttributes.push(resourceLogs.resource.attributes);
      for (const scopeLogs of resourceLogs.scopeLogs)
        for (const record of scopeLogs.logRecords) this.accept(record);
    }
    if (mode === 'slow') {
      this.count('slow');
      setTimeout(() => this.reply(res, 200, {}), this.options.slowMs ?? 5000);
      return;
    }
    this.reply(res, 200, {});
  }

  private accept(record: LogRecord) {
    const attribute = (key: string) => record.attributes.find((a) => a.key === key)?.value;
    const id = attribute('event.id');
    const seq = attribute('gatehouse.seq');
    if (!id || !('stringValue' in id) || !seq || !('intValue' in seq)) {
      this.invalidPayloads.push('a log record without event.id or gatehouse.seq');
      return;
    }
    const known = this.records.get(id.stringValue);
    if (known) known.deliveries++;
    else
      this.records.set(id.stringValue, {
        id: id.stringValue,
        seq: Number(seq.intValue),
        record,
        deliveries: 1,
      });
  }

  private reply(res: ServerResponse, status: number, body: object) {
    if (res.destroyed) return; // the client gave up (timeout) or the receiver went down
    this.count(status);
    res.writeHead(status, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify(body));
  }
}
