// recordEvent: the one way any context records a LogEvent. In the background the sink is the IndexedDB
// log (lib/browser/event-log.ts); its promise resolves once the event's transaction completed.
import { createLogEvent, type LogEvent, type NewLogEvent } from '../log/event-schema';

export type EventSink = (event: LogEvent) => Promise<void>;

interface Pending {
  event: LogEvent;
  resolve: () => void;
  reject: (error: unknown) => void;
}

const pending: Pending[] = [];
let sink: EventSink | undefined;

/** Installs the durable store; events recorded before it was installed are handed over first, in order. */
export async function setEventSink(next: EventSink | undefined): Promise<void> {
  sink = next;
  if (!next) return;
  const waiting = pending.splice(0);
  await Promise.all(waiting.map((p) => next(p.event).then(p.resolve, p.reject)));
}

/** Records an event created elsewhere (it keeps its id, so recording it twice stores it once). */
export function recordCreatedEvent(event: LogEvent): Promise<void> {
  if (sink) return sink(event);
  return new Promise((resolve, reject) => pending.push({ event, resolve, reject }));
}

/** Resolves with the event once it is stored (or, before a sink is installed, once a sink stored it). */
export async function recordEvent(input: NewLogEvent): Promise<LogEvent> {
  const event = createLogEvent(input, crypto.randomUUID(), Date.now());
  await recordCreatedEvent(event);
  return event;
}
