// POSTs one OTLP/HTTP JSON batch with a deadline and reduces whatever happens to a SendOutcome.
import type { SendOutcome } from '../forward/forward-state';
import { exportLogsResponseSchema, type ExportLogsRequest } from '../forward/otlp-schema';

export interface SendTarget {
  endpoint: string;
  headers: Record<string, string>;
  timeoutMs: number;
}

export async function sendOtlpLogs(target: SendTarget, body: ExportLogsRequest): Promise<SendOutcome> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), target.timeoutMs);
  try {
    const response = await fetch(target.endpoint, {
      method: 'POST',
      headers: { ...target.headers, 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
      signal: controller.signal,
      credentials: 'omit',
      cache: 'no-store',
      redirect: 'error',
    });
    const text = await response.text();
    if (!response.ok) {
      return {
        kind: 'response',
        status: response.status,
        retryAfter: response.headers.get('Retry-After'),
        message: text.slice(0, 200) || response.statusText,
      };
    }
    return { kind: 'response', status: response.status, ...partialSuccess(text) };
  } catch (error) {
    if (controller.signal.aborted) return { kind: 'timeout', afterMs: target.timeoutMs };
    return { kind: 'network', message: error instanceof Error ? error.message : String(error) };
  } finally {
    clearTimeout(timer);
  }
}

/** A 2xx may still carry ExportLogsServiceResponse.partialSuccess: records the receiver refused for good. */
function partialSuccess(text: string): { rejected?: number; message?: string } {
  if (!text.trim()) return {};
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return {}; // the 2xx is the acknowledgement; an unreadable body does not undo it
  }
  const parsed = exportLogsResponseSchema.safeParse(json);
  const partial = parsed.success ? parsed.data.partialSuccess : undefined;
  const rejected = Number(partial?.rejectedLogRecords ?? 0);
  if (!partial || !Number.isSafeInteger(rejected) || rejected <= 0) return {};
  return { rejected, message: partial.errorMessage ?? '' };
}
