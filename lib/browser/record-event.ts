// recordEvent: the one way any context records a LogEvent. The event-log issue backs it with IndexedDB.
import { createLogEvent, type LogEvent, type NewLogEvent } from '../log/event-schema';

export type EventSink = (event: LogEvent) => Promise<void>;

const pending: LogEvent[] = [];
let sink: EventSink | undefined;

/** Installs the durable store; events recorded before it was installed are handed over first. */
export async function setEventSink(next: EventSink): Promise<void> {
  sink = next;
  while (pending.length) await next(pending.shift()!);
}

export async function recordEvent(input: NewLogEvent): Promise<LogEvent> {
  const event = createLogEvent(input, crypto.randomUUID(), Date.now());
  if (sink) await sink(event);
  else pending.push(event);
  return event;
}
