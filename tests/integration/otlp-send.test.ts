import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sendOtlpLogs } from '../../lib/browser/otlp-send';
import { buildExportRequest } from '../../lib/forward/otlp-batch';
import { forwardingSettingsSchema } from '../../lib/policy/forwarding-settings';
import { createLogEvent } from '../../lib/log/event-schema';
import { OtlpReceiver } from '../e2e/otlp-receiver';

const settings = forwardingSettingsSchema.parse({ endpoint: 'http://127.0.0.1:1/v1/logs' });
const body = buildExportRequest(
  [{ seq: 1, event: createLogEvent({ kind: 'blocked', host: 'chat.deepseek.com' }, 'send-test-1', 1) }],
  { deviceId: 'd', extensionVersion: '1', policyName: 'p', policyVersion: '1' },
  settings,
  2,
);

let receiver: OtlpReceiver;
beforeEach(async () => {
  receiver = new OtlpReceiver({ retryAfterSeconds: 7, slowMs: 2000 });
  await receiver.start();
});
afterEach(() => receiver.stop());

const send = (endpoint = receiver.url, timeoutMs = 500) =>
  sendOtlpLogs({ endpoint, headers: { 'X-Api-Key': 'k' }, timeoutMs }, body);

describe('sendOtlpLogs', () => {
  it('delivers a payload the receiver validates', async () => {
    expect(await send()).toEqual({ kind: 'response', status: 200 });
    expect(receiver.records.has('send-test-1')).toBe(true);
    expect(receiver.invalidPayloads).toEqual([]);
  });

  it.each([
    ['fail', { kind: 'response', status: 503 }],
    ['throttle', { kind: 'response', status: 429, retryAfter: '7' }],
    ['hang', { kind: 'timeout', afterMs: 500 }],
    ['slow', { kind: 'timeout', afterMs: 500 }],
    ['down', { kind: 'network' }],
  ] as const)('reduces a receiver in mode %s to an outcome', async (mode, expected) => {
    await receiver.setMode(mode);
    expect(await send()).toMatchObject(expected);
  });

  it('reads a partial success in a 2xx as rejected records', async () => {
    const server = createServer((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ partialSuccess: { rejectedLogRecords: '1', errorMessage: 'too old' } }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    try {
      expect(await send(`http://127.0.0.1:${port}/v1/logs`)).toEqual({
        kind: 'response',
        status: 200,
        rejected: 1,
        message: 'too old',
      });
    } finally {
      server.close();
    }
  });
});
