import { describe, expect, it } from 'vitest';
import { createLogEvent, type NewLogEvent } from '../../../lib/log/event-schema';
import { buildExportRequest } from '../../../lib/forward/otlp-batch';
import { unixNanos, type OutboxRow } from '../../../lib/forward/otlp-log-record';
import {
  exportLogsRequestSchema,
  type ExportLogsRequest,
  type KeyValue,
} from '../../../lib/forward/otlp-schema';
import {
  forwardingSettingsSchema,
  type ForwardingSettingsInput,
} from '../../../lib/policy/forwarding-settings';

const resource = { deviceId: 'dev-1234', extensionVersion: '0.1.0', policyName: 'Acme', policyVersion: '7' };
const time = Date.parse('2026-03-01T12:00:00.123Z');

function row(seq: number, input: NewLogEvent): OutboxRow {
  return { seq, event: createLogEvent(input, `event-${String(seq).padStart(4, '0')}`, time) };
}
function settings(extra: Partial<ForwardingSettingsInput> = {}) {
  return forwardingSettingsSchema.parse({ endpoint: 'https://collector.example/v1/logs', ...extra });
}
const attrs = (list: KeyValue[]) => Object.fromEntries(list.map((a) => [a.key, a.value]));

const rows: OutboxRow[] = [
  row(1, {
    kind: 'blocked',
    host: 'chat.deepseek.com',
    service: 'deepseek',
    rule: 'china',
    url: 'https://chat.deepseek.com/a/chat/s/1',
  }),
  row(2, { kind: 'continued', host: 'claude.ai', service: 'claude', justification: 'customer ticket 42' }),
  row(3, { kind: 'redacted', host: 'chatgpt.com', counts: { EMAIL: 2, IBAN: 1 } }),
  row(4, { kind: 'policy_applied', policy: { name: 'Acme', version: '7', source: 'managed' } }),
  row(5, { kind: 'policy_error', error: 'rules.0.action: expected allow, warn or block' }),
  row(6, { kind: 'log_pruned', removed: 12, reason: 'retention' }),
  row(7, { kind: 'paste_blocked', host: 'chatgpt.com', counts: { US_SSN: 1 }, reason: 'policy' }),
  row(8, {
    kind: 'paste_override',
    host: 'chatgpt.com',
    counts: { EMAIL: 1 },
    justification: 'my own address',
  }),
  row(9, { kind: 'health', check: 'host_access', ok: false, detail: 'host permission withdrawn' }),
  row(10, { kind: 'health', check: 'host_access', ok: true, detail: 'host permission back' }),
];

describe('buildExportRequest', () => {
  it('produces a payload that validates against the OTLP JSON shape', () => {
    const body = buildExportRequest(rows, resource, settings(), time + 5);
    expect(exportLogsRequestSchema.safeParse(JSON.parse(JSON.stringify(body))).success).toBe(true);
    expect(body.resourceLogs[0]!.scopeLogs[0]!.logRecords).toHaveLength(rows.length);
  });

  it('encodes times as exact nanosecond strings and the sequence as an int64 string', () => {
    const [record] = buildExportRequest(rows, resource, settings(), time + 5).resourceLogs[0]!.scopeLogs[0]!
      .logRecords;
    expect(record).toMatchObject({
      timeUnixNano: '1772366400123000000',
      observedTimeUnixNano: '1772366400128000000',
      severityNumber: 9,
      severityText: 'INFO',
      body: { stringValue: 'blocked chat.deepseek.com' },
    });
    expect(attrs(record!.attributes)).toMatchObject({
      'event.id': { stringValue: 'event-0001' },
      'event.name': { stringValue: 'gatehouse.blocked' },
      'gatehouse.seq': { intValue: '1' },
      'url.domain': { stringValue: 'chat.deepseek.com' },
      'gatehouse.rule': { stringValue: 'china' },
    });
    expect(unixNanos(0)).toBe('0');
  });

  it('minimises by default: no URLs, no justifications, no user name', () => {
    const body = buildExportRequest(rows, resource, settings({ userLabel: 'alice@acme.example' }), time);
    const text = JSON.stringify(body);
    expect(text).not.toContain('/a/chat/s/1');
    expect(text).not.toContain('customer ticket 42');
    expect(text).not.toContain('my own address');
    expect(text).not.toContain('alice');
    expect(attrs(body.resourceLogs[0]!.resource.attributes)).toMatchObject({
      'service.name': { stringValue: 'gatehouse' },
      'device.id': { stringValue: 'dev-1234' },
      'gatehouse.policy.version': { stringValue: '7' },
    });
  });

  it('sends URLs, justifications and the user label only when the admin opts in', () => {
    const optIn = settings({
      userLabel: 'alice@acme.example',
      fields: { urls: true, justifications: true, userLabel: true },
    });
    const body = buildExportRequest(rows, resource, optIn, time);
    const records = body.resourceLogs[0]!.scopeLogs[0]!.logRecords;
    expect(attrs(records[0]!.attributes)['url.full']).toEqual({
      stringValue: 'https://chat.deepseek.com/a/chat/s/1',
    });
    expect(attrs(records[1]!.attributes)['gatehouse.justification']).toEqual({
      stringValue: 'customer ticket 42',
    });
    expect(attrs(body.resourceLogs[0]!.resource.attributes)['user.name']).toEqual({
      stringValue: 'alice@acme.example',
    });
  });

  it.each([
    ['continued', 1, 13, 'WARN'],
    ['policy_error', 4, 17, 'ERROR'],
    ['log_pruned', 5, 13, 'WARN'],
    ['health (failing)', 8, 13, 'WARN'],
    ['health (ok again)', 9, 9, 'INFO'],
  ])('maps %s to severity %i', (_kind, index, number, text) => {
    const record = buildExportRequest(rows, resource, settings(), time).resourceLogs[0]!.scopeLogs[0]!
      .logRecords[index]!;
    expect([record.severityNumber, record.severityText]).toEqual([number, text]);
  });

  it('keeps the kind of a redacted send and names its channel in gatehouse.trigger (rows before channels have none)', () => {
    const records = buildExportRequest(
      [row(9, { kind: 'redacted', host: 'chatgpt.com', counts: { EMAIL: 1 }, trigger: 'send' }), rows[2]!],
      resource,
      settings(),
      time,
    ).resourceLogs[0]!.scopeLogs[0]!.logRecords;
    expect(attrs(records[0]!.attributes)['event.name']).toEqual({ stringValue: 'gatehouse.redacted' });
    expect(attrs(records[0]!.attributes)['gatehouse.trigger']).toEqual({ stringValue: 'send' });
    expect(attrs(records[1]!.attributes)['gatehouse.trigger']).toBeUndefined();
  });

  it('sends upload events with file count, extensions and reason; guard_unavailable as a WARN with its problem', () => {
    const records = buildExportRequest(
      [
        row(10, {
          kind: 'upload_blocked',
          host: 'claude.ai',
          counts: { EMAIL: 3 },
          files: 2,
          extensions: ['csv', 'other'],
          reason: 'personal-data',
          trigger: 'upload',
        }),
        row(11, {
          kind: 'guard_unavailable',
          host: 'gemini.google.com',
          problem: 'send-control',
          count: 4,
          trigger: 'send',
        }),
      ],
      resource,
      settings(),
      time,
    ).resourceLogs[0]!.scopeLogs[0]!.logRecords;
    expect(attrs(records[0]!.attributes)).toMatchObject({
      'gatehouse.trigger': { stringValue: 'upload' },
      'gatehouse.files': { intValue: '2' },
      'gatehouse.file_extensions': {
        arrayValue: { values: [{ stringValue: 'csv' }, { stringValue: 'other' }] },
      },
      'gatehouse.reason': { stringValue: 'personal-data' },
    });
    expect([records[1]!.severityText, attrs(records[1]!.attributes)['gatehouse.problem']]).toEqual([
      'WARN',
      { stringValue: 'send-control' },
    ]);
    expect(
      exportLogsRequestSchema.safeParse({
        resourceLogs: [
          { resource: { attributes: [] }, scopeLogs: [{ scope: { name: 'x' }, logRecords: records }] },
        ],
      }).success,
    ).toBe(true);
  });

  it('sends what a health event checked, its outcome and detail', () => {
    const record = buildExportRequest(rows, resource, settings(), time).resourceLogs[0]!.scopeLogs[0]!
      .logRecords[8]!;
    expect(attrs(record.attributes)).toMatchObject({
      'event.name': { stringValue: 'gatehouse.health' },
      'gatehouse.health.check': { stringValue: 'host_access' },
      'gatehouse.health.ok': { boolValue: false },
      'gatehouse.detail': { stringValue: 'host permission withdrawn' },
    });
    expect(record.body).toEqual({ stringValue: 'health host_access failing' });
  });

  it('records a request for access with the page it came from, as INFO', () => {
    const [record] = buildExportRequest(
      [
        row(9, {
          kind: 'access_requested',
          host: 'chat.deepseek.com',
          service: 'deepseek',
          rule: 'china',
          page: 'blocked',
        }),
      ],
      resource,
      settings(),
      time,
    ).resourceLogs[0]!.scopeLogs[0]!.logRecords;
    expect(record).toMatchObject({
      severityNumber: 9,
      severityText: 'INFO',
      body: { stringValue: 'access_requested chat.deepseek.com' },
    });
    expect(attrs(record!.attributes)).toMatchObject({
      'event.name': { stringValue: 'gatehouse.access_requested' },
      'gatehouse.page': { stringValue: 'blocked' },
      'gatehouse.service': { stringValue: 'deepseek' },
      'gatehouse.rule': { stringValue: 'china' },
    });
  });

  it('sends counts by type as a key-value list, never the values', () => {
    const record = buildExportRequest(rows, resource, settings(), time).resourceLogs[0]!.scopeLogs[0]!
      .logRecords[2]!;
    expect(attrs(record.attributes)['gatehouse.counts']).toEqual({
      kvlistValue: {
        values: [
          { key: 'EMAIL', value: { intValue: '2' } },
          { key: 'IBAN', value: { intValue: '1' } },
        ],
      },
    });
  });
});

describe('exportLogsRequestSchema', () => {
  const valid = (): ExportLogsRequest =>
    structuredClone(buildExportRequest(rows.slice(0, 1), resource, settings(), time));
  const scope = (b: ExportLogsRequest) => b.resourceLogs[0]!.scopeLogs[0]!;
  const first = (b: ExportLogsRequest) => scope(b).logRecords[0]!;
  it.each<[string, (b: ExportLogsRequest) => void]>([
    ['a numeric timeUnixNano', (b) => Object.assign(first(b), { timeUnixNano: 1 })],
    ['a numeric intValue', (b) => Object.assign(first(b).attributes[2]!, { value: { intValue: 1 } })],
    ['a snake_case key', (b) => Object.assign(scope(b), { log_records: [] })],
    ['an empty batch', (b) => Object.assign(scope(b), { logRecords: [] })],
    ['a duplicate attribute key', (b) => first(b).attributes.push(first(b).attributes[0]!)],
    ['severity 0 (UNSPECIFIED)', (b) => Object.assign(first(b), { severityNumber: 0 })],
  ])('rejects %s', (_name, mutate) => {
    const body = valid();
    expect(exportLogsRequestSchema.safeParse(body).success).toBe(true);
    mutate(body);
    expect(exportLogsRequestSchema.safeParse(body).success).toBe(false);
  });

  it("forwards audit mode's would-be decisions and the flood markers, each with its own name and severity", () => {
    const records = buildExportRequest(
      [
        row(20, { kind: 'would_block', host: 'chat.deepseek.com', service: 'deepseek', rule: 'cn' }),
        row(21, { kind: 'would_warn', host: 'chat.qwen.ai', service: 'qwen-chat-intl', rule: 'unknown' }),
        row(22, { kind: 'visited_allowed', host: 'chatgpt.com', service: 'openai-chatgpt' }),
        row(23, { kind: 'log_flood', phase: 'ended', suppressed: 3930 }),
      ],
      resource,
      settings(),
      time,
    ).resourceLogs[0]!.scopeLogs[0]!.logRecords;
    expect(records.map((r) => [attrs(r.attributes)['event.name'], r.severityText, r.body])).toEqual([
      [{ stringValue: 'gatehouse.would_block' }, 'INFO', { stringValue: 'would_block chat.deepseek.com' }],
      [{ stringValue: 'gatehouse.would_warn' }, 'INFO', { stringValue: 'would_warn chat.qwen.ai' }],
      [{ stringValue: 'gatehouse.visited_allowed' }, 'INFO', { stringValue: 'visited_allowed chatgpt.com' }],
      [{ stringValue: 'gatehouse.log_flood' }, 'WARN', { stringValue: 'log_flood ended 3930 held back' }],
    ]);
    expect(attrs(records[3]!.attributes)).toMatchObject({
      'gatehouse.flood.phase': { stringValue: 'ended' },
      'gatehouse.flood.suppressed': { intValue: '3930' },
    });
  });
});
