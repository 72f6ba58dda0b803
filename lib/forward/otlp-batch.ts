// Builds the OTLP/HTTP JSON request body for one batch of outbox rows.
import { str, toOtlpLogRecord, type OutboxRow } from './otlp-log-record';
import type { ExportLogsRequest, KeyValue } from './otlp-schema';
import type { ForwardingSettings } from '../policy/forwarding-settings';

/** Who is sending: the pseudonymous device, the extension build and the policy in force. */
export interface ForwardingResource {
  deviceId: string;
  extensionVersion: string;
  policyName: string;
  policyVersion: string;
}

export function resourceAttributes(resource: ForwardingResource, settings: ForwardingSettings): KeyValue[] {
  const attributes: KeyValue[] = [
    { key: 'service.name', value: str('gatehouse') },
    { key: 'service.version', value: str(resource.extensionVersion) },
    { key: 'device.id', value: str(resource.deviceId) },
    { key: 'gatehouse.policy.name', value: str(resource.policyName) },
    { key: 'gatehouse.policy.version', value: str(resource.policyVersion) },
  ];
  if (settings.fields.userLabel && settings.userLabel) {
    attributes.push({ key: 'user.name', value: str(settings.userLabel) });
  }
  return attributes;
}

export function buildExportRequest(
  rows: readonly OutboxRow[],
  resource: ForwardingResource,
  settings: ForwardingSettings,
  observedAt: number,
): ExportLogsRequest {
  return {
    resourceLogs: [
      {
        resource: { attributes: resourceAttributes(resource, settings) },
        scopeLogs: [
          {
            scope: { name: 'gatehouse', version: resource.extensionVersion },
            logRecords: rows.map((row) => toOtlpLogRecord(row, settings.fields, observedAt)),
          },
        ],
      },
    ],
  };
}
