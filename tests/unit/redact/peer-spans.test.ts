// The benchmark scores peers that only return redacted text by recovering their spans; check that recovery.
import { describe, expect, it } from 'vitest';
import { openRedactionType, spansFromRedacted } from '../../../bench/peers';

const placeholders = { EMAIL_ADDRESS: 'EMAIL', PHONE_NUMBER: 'PHONE', PERSON_NAME: undefined } as const;

describe('spansFromRedacted', () => {
  const rows: [name: string, original: string, redacted: string, expected: [string | undefined, string][]][] =
    [
      ['one replacement', 'mail a@b.io now', 'mail EMAIL_ADDRESS now', [['EMAIL', 'a@b.io']]],
      [
        'two replacements',
        'a@b.io or 555-123-4567.',
        'EMAIL_ADDRESS or PHONE_NUMBER.',
        [
          ['EMAIL', 'a@b.io'],
          ['PHONE', '555-123-4567'],
        ],
      ],
      ['replacement at the end', 'call 555-123-4567', 'call PHONE_NUMBER', [['PHONE', '555-123-4567']]],
      ['unlabelled kind keeps its span', 'Hi David, ok', 'Hi PERSON_NAME, ok', [[undefined, 'David']]],
      ['nothing replaced', 'plain text', 'plain text', []],
    ];
  it.each(rows)('%s', (_name, original, redacted, expected) => {
    const spans = spansFromRedacted(original, redacted, placeholders);
    expect(spans.map((s) => [s.type, original.slice(s.start, s.end)])).toEqual(expected);
  });
});

describe('openRedactionType', () => {
  const rows: [string, string | undefined][] = [
    ['EMAIL', 'EMAIL'],
    ['PHONE_UK_MOBILE', 'PHONE'],
    ['AWS_ACCESS_KEY', 'API_KEY'],
    ['NATIONAL_INSURANCE_UK', 'UK_NINO'],
    ['INVOICE_NUMBER', undefined],
  ];
  it.each(rows)('%s', (type, expected) => {
    expect(openRedactionType(type)).toBe(expected);
  });
});
