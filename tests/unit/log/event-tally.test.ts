import { describe, expect, it } from 'vitest';
import { createLogEvent, type LogEvent, type NewLogEvent } from '../../../lib/log/event-schema';
import { addToTally, emptyTally, topServices } from '../../../lib/log/event-tally';

let n = 0;
const event = (input: NewLogEvent): LogEvent =>
  createLogEvent(input, `event-${String(++n).padStart(4, '0')}`, 1000);

describe('event tally', () => {
  const chunk1 = [
    event({ kind: 'blocked', service: 'deepseek', host: 'chat.deepseek.com' }),
    event({ kind: 'blocked', service: 'deepseek', host: 'chat.deepseek.com' }),
    event({ kind: 'warned', service: 'qwen-chat-intl', host: 'chat.qwen.ai' }),
  ];
  const chunk2 = [
    event({ kind: 'policy_applied', policy: { name: 'p', version: '1', source: 'managed' } }),
    event({ kind: 'redacted', service: 'openai-chatgpt', host: 'chatgpt.com', counts: { EMAIL: 2 } }),
    event({ kind: 'blocked', service: '__proto__', host: 'x.example' }),
  ];

  it('counts per kind and per service across chunks, without changing the tally it started from', () => {
    const first = addToTally(emptyTally, chunk1);
    const both = addToTally(first, chunk2);
    expect(first).toEqual({
      total: 3,
      byKind: { blocked: 2, warned: 1 },
      byService: new Map([
        ['deepseek', 2],
        ['qwen-chat-intl', 1],
      ]),
    });
    expect(both.total).toBe(6);
    expect(both.byKind).toEqual({ blocked: 3, warned: 1, policy_applied: 1, redacted: 1 });
    expect(both.byService.get('__proto__')).toBe(1);
    expect(emptyTally).toEqual({ total: 0, byKind: {}, byService: new Map() });
  });

  it('lists the busiest services first, ties by id, up to a limit', () => {
    const tally = addToTally(emptyTally, [...chunk1, ...chunk2]);
    expect(topServices(tally, 3)).toEqual([
      { service: 'deepseek', count: 2 },
      { service: '__proto__', count: 1 },
      { service: 'openai-chatgpt', count: 1 },
    ]);
  });
});
