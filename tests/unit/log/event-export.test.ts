import { describe, expect, it } from 'vitest';
import { csvCell, eventsToCsv, eventsToJson } from '../../../lib/log/event-export';
import { createLogEvent, logEventSchema } from '../../../lib/log/event-schema';

describe('csvCell', () => {
  it.each([
    ['plain text stays as it is', 'chat.deepseek.com', 'chat.deepseek.com'],
    ['a comma is quoted', 'a,b', '"a,b"'],
    ['a quote is doubled inside quotes', 'say "hi"', '"say ""hi"""'],
    ['a line break is quoted', 'one\ntwo', '"one\ntwo"'],
    ['a formula is defused with an apostrophe', '=HYPERLINK("x")', `"'=HYPERLINK(""x"")"`],
    ['a leading plus is defused', '+1 555', "'+1 555"],
    ['a leading minus is defused', '-2', "'-2"],
    ['a leading at sign is defused', '@SUM(A1)', "'@SUM(A1)"],
    ['a leading tab is defused', '\tx', "'\tx"],
    ['an empty cell stays empty', '', ''],
  ])('%s', (_name, input, expected) => {
    expect(csvCell(input)).toBe(expected);
  });
});

const continued = createLogEvent(
  { kind: 'continued', service: 'example-ai', host: 'chat.example-ai.test', justification: 'Ticket, "42"' },
  'id-continued-1',
  Date.UTC(2026, 0, 2, 3, 4, 5),
);
const redacted = createLogEvent(
  { kind: 'redacted', service: 'chatgpt', host: 'chatgpt.com', counts: { EMAIL: 2, IBAN: 1 } },
  'id-redacted-1',
  Date.UTC(2026, 0, 2, 3, 4, 6),
);

describe('eventsToCsv', () => {
  it('writes a header and one CRLF-terminated row per event, with details in their columns', () => {
    const lines = eventsToCsv([continued, redacted]).split('\r\n');
    expect(lines).toEqual([
      'id,time,kind,service,host,url,rule,incognito,justification,counts,policy,detail',
      'id-continued-1,2026-01-02T03:04:05.000Z,continued,example-ai,chat.example-ai.test,,,false,"Ticket, ""42""",,,',
      'id-redacted-1,2026-01-02T03:04:06.000Z,redacted,chatgpt,chatgpt.com,,,false,,EMAIL=2;IBAN=1,,',
      '',
    ]);
  });
});

describe('eventsToJson', () => {
  it('is an array of LogEvents without the store-only seq', () => {
    const parsed = JSON.parse(eventsToJson([{ ...redacted, seq: 7 }])) as unknown[];
    expect(parsed).toHaveLength(1);
    expect(parsed[0]).not.toHaveProperty('seq');
    expect(logEventSchema.parse(parsed[0])).toEqual(redacted);
  });
});
