// Retention from the policy's logging settings: events older than retentionDays, and beyond maxEvents, go.
import { logEventSchema, type EventKind } from './event-schema';

/**
 * The users' own decisions, with their justifications (every kind that carries one: continued,
 * paste_override, upload_override…): retention by count (maxEvents) never removes them, so nobody can
 * push them out of the log by making it record other events. Age still does.
 */
export const keptByCount: readonly EventKind[] = logEventSchema.options
  .filter((option) => 'justification' in option.shape)
  .map((option) => option.shape.kind.value);
export interface RetentionSettings {
  retentionDays: number;
  maxEvents: number;
}

export const dayMs = 24 * 60 * 60 * 1000;

/** Events with time strictly before this are past retention. */
export function retentionCutoff(now: number, retentionDays: number): number {
  return now - retentionDays * dayMs;
}

/** How many of the oldest events to delete so that `count` fits `maxEvents`. */
export function excessEvents(count: number, maxEvents: number): number {
  return Math.max(0, count - maxEvents);
}

/**
 * When the disk is full, free a tenth of the log (at least 100 events) so the next writes have room
 * without emptying the log on one error.
 */
export function quotaPruneCount(count: number): number {
  return Math.min(count, Math.max(100, Math.ceil(count / 10)));
}
