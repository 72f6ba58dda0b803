import { describe, expect, it } from 'vitest';
import { compileFilter, emptyFilter, type EventFilter } from '../../../lib/log/event-filter';
import { createLogEvent } from '../../../lib/log/event-schema';

const event = createLogEvent(
  {
    kind: 'continued',
    service: 'example-ai',
    host: 'chat.example-ai.test',
    rule: 'warn-unknown',
    justification: 'Vendor evaluation',
  },
  'id-filter-0001',
  1000,
);

describe('compileFilter', () => {
  it.each<[string, Partial<EventFilter>, boolean]>([
    ['the empty filter matches', {}, true],
    ['a matching kind matches', { kinds: ['continued', 'blocked'] }, true],
    ['another kind does not', { kinds: ['blocked'] }, false],
    ['the same service matches', { service: 'example-ai' }, true],
    ['another service does not', { service: 'deepseek' }, false],
    ['from is inclusive', { from: 1000 }, true],
    ['after from does not match', { from: 1001 }, false],
    ['to is exclusive', { to: 1000 }, false],
    ['before to matches', { to: 1001 }, true],
    ['text finds the host, ignoring case', { text: 'EXAMPLE-AI.test' }, true],
    ['text finds the justification', { text: 'vendor eval' }, true],
    ['text finds the rule', { text: 'warn-unknown' }, true],
    ['text that is nowhere does not match', { text: 'deepseek' }, false],
    ['blank text is ignored', { text: '   ' }, true],
  ])('%s', (_name, filter, expected) => {
    expect(compileFilter({ ...emptyFilter, ...filter })(event)).toBe(expected);
  });

  it('finds the type names of redaction counts, never values (there are none)', () => {
    const redacted = createLogEvent({ kind: 'redacted', counts: { IBAN: 1 } }, 'id-filter-0002', 5);
    expect(compileFilter({ ...emptyFilter, text: 'iban' })(redacted)).toBe(true);
  });
});
