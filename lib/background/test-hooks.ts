// Messages that exist only in the `testhooks` build (`wxt build --mode testhooks`), never in production:
// e2e tests and benchmarks record many events through the background's real sink without driving a
// browser through thousands of pages. Production's router never sees this contract.
import { z } from 'zod';
import { logEventSchema } from '../log/event-schema';
import type { MessageSpec } from '../messages';
import type { MessageHandlers } from './message-router';
import { recordCreatedEvent } from './record-event';

export function testHookContract() {
  return {
    /** The event carries its id, so a resent message stores it once. */
    recordEvent: {
      request: z.strictObject({ type: z.literal('recordEvent'), event: logEventSchema }),
      sender: { context: 'extension-page', pages: ['popup'], inTab: false },
      reply: z.strictObject({ ok: z.literal(true) }),
    },
  } as const satisfies Record<string, MessageSpec>;
}

export function testHookHandlers(): MessageHandlers<ReturnType<typeof testHookContract>> {
  return {
    recordEvent: async (message) => {
      await recordCreatedEvent(message.event);
      return { ok: true };
    },
  };
}
