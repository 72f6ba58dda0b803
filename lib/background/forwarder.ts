// The forwarder in the service worker: wakes on an alarm or a kick, runs forwardPending (lib/forward)
// against the outbox; a periodic alarm makes a killed worker resume from the stored cursor.
import browser from 'webextension-polyfill';
import { checkEndpointUrl, endpointOriginPattern } from '../policy/forwarding-endpoint';
import { forwardPending, type ForwardRunIo } from '../forward/forward-run';
import type { OutboxStore } from '../forward/outbox';
import type { ForwardingSettings } from '../policy/forwarding-settings';
import type { NewLogEvent } from '../log/event-schema';
import type { Policy } from '../policy/policy-schema';
import { deviceId } from './device-id';
import { forwardStateItem } from '../browser/storage-items';
import { sendOtlpLogs } from '../browser/otlp-send';
import type { AlarmRoute } from './alarms';

/** A standing periodic alarm: whatever killed the worker, this brings it back within one interval. */
export const forwardAlarmName = 'gatehouse-forward';
/** A one-shot alarm at the backoff's end, so a retry need not wait for the next interval. */
export const forwardRetryAlarmName = 'gatehouse-forward-retry';

export interface ForwarderDeps {
  outbox: () => Promise<OutboxStore>;
  activePolicy: () => Promise<Policy>;
  recordEvent: (event: NewLogEvent) => Promise<unknown>;
}

export interface Forwarder {
  /** Retention keeps events after this seq: the cursor while forwarding is on, nothing otherwise. */
  retentionFloor(): Promise<number | undefined>;
  /** Forward now unless a backoff is pending; concurrent kicks coalesce into one more pass. */
  kick(): Promise<void>;
  /** The heartbeat and retry alarms, for the worker's alarm dispatcher. */
  alarms: AlarmRoute;
}

export function createForwarder(deps: ForwarderDeps): Forwarder {
  let running: Promise<void> | undefined;
  let again = false;

  async function pass(): Promise<void> {
    const policy = await deps.activePolicy();
    const settings = policy.forwarding;
    if (!settings?.enabled) {
      await browser.alarms.clear(forwardAlarmName);
      await browser.alarms.clear(forwardRetryAlarmName);
      return;
    }
    // Before any I/O: if the worker dies mid-request, the heartbeat brings it back.
    await ensureHeartbeat(settings.intervalSeconds);
    const resource = {
      deviceId: await deviceId(),
      extensionVersion: browser.runtime.getManifest().version,
      policyName: policy.name,
      policyVersion: policy.version,
    };
    const result = await forwardPending(runIo(deps, settings), settings, resource);
    if (result.status === 'waiting') {
      await browser.alarms.create(forwardRetryAlarmName, {
        when: Math.max(result.retryAt, Date.now() + 100),
      });
    } else {
      await browser.alarms.clear(forwardRetryAlarmName);
    }
  }

  function kick(): Promise<void> {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      do {
        again = false;
        try {
          await pass();
        } catch (error) {
          // Nothing is lost: the cursor only moves after a 2xx, and the heartbeat retries. The popup says so.
          console.error('Gatehouse forwarding pass failed', error);
          await reportFailure(error).catch(() => undefined);
        }
      } while (again);
    })().finally(() => {
      running = undefined;
    });
    return running;
  }

  return {
    retentionFloor: async () =>
      (await deps.activePolicy()).forwarding?.enabled ? (await forwardStateItem.load()).cursor : undefined,
    kick,
    alarms: {
      matches: (name) => name === forwardAlarmName || name === forwardRetryAlarmName,
      run: () => kick(),
    },
  };
}

async function reportFailure(error: unknown): Promise<void> {
  const message = error instanceof Error ? error.message : String(error);
  const state = await forwardStateItem.load();
  await forwardStateItem.write({
    ...state,
    lastError: { at: Date.now(), message: `forwarding failed: ${message}` },
  });
}

async function ensureHeartbeat(intervalSeconds: number): Promise<void> {
  const periodInMinutes = intervalSeconds / 60;
  const existing = await browser.alarms.get(forwardAlarmName);
  // Re-creating would push the next firing back, so only when missing or the interval changed.
  if (existing?.periodInMinutes === periodInMinutes) return;
  await browser.alarms.create(forwardAlarmName, { periodInMinutes, delayInMinutes: periodInMinutes });
}

function runIo(deps: ForwarderDeps, settings: ForwardingSettings): ForwardRunIo {
  return {
    loadState: () => forwardStateItem.load(),
    saveState: (state) => forwardStateItem.write(state),
    readAfter: async (cursor, limit) => (await deps.outbox()).readAfter(cursor, limit),
    countAfter: async (cursor) => (await deps.outbox()).countAfter(cursor),
    seqAfter: async (cursor, n) => (await deps.outbox()).seqAfter(cursor, n),
    send: async (body) => {
      const endpoint = checkEndpointUrl(settings.endpoint);
      if (!endpoint.ok) return { kind: 'network', message: endpoint.error };
      const origin = endpointOriginPattern(endpoint.url);
      if (!(await browser.permissions.contains({ origins: [origin] }))) {
        return { kind: 'network', message: `Gatehouse has no host permission for ${origin}` };
      }
      return sendOtlpLogs(
        { endpoint: settings.endpoint, headers: settings.headers, timeoutMs: settings.timeoutSeconds * 1000 },
        body,
      );
    },
    recordSkipped: async (skipped, fromSeq, toSeq) => {
      await deps.recordEvent({
        kind: 'log_pruned',
        removed: skipped,
        reason: `forwarding outbox over its cap of ${settings.maxBacklog}: events ${fromSeq}-${toSeq} were not forwarded`,
      });
    },
    now: () => Date.now(),
    random: () => Math.random(),
  };
}
