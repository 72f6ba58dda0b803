import { describe, expect, it } from 'vitest';
import { columnHeaderAt } from '../../../lib/redact/table-column';

const rows: [name: string, text: string, needle: string, header: string | undefined][] = [
  ['comma-separated', 'name,ssn\nJohn,536228714', '536228714', 'ssn'],
  ['semicolon-separated', 'a;b;Telefon\n1;2;030 1234567', '030 1234567', 'Telefon'],
  ['tab-separated', 'id\tphone\n7\t2125550187', '2125550187', 'phone'],
  ['pipe table', '| id | phone |\n| 7 | 2125550187 |', '2125550187', 'phone'],
  ['header of the current block only', 'phone,x\n1,2\n\nid,ref\n3,2125550187', '2125550187', 'ref'],
  // A line of white space (what trim removes, not only ASCII) ends a block like an empty one.
  [
    'a line of spaces and tabs ends the block',
    'phone,x\n1,2\n \t \nid,ref\n3,2125550187',
    '2125550187',
    'ref',
  ],
  [
    'a line of wider spaces ends the block',
    'phone,x\n1,2\n\u3000\u00a0\r\nid,ref\n3,2125550187',
    '2125550187',
    'ref',
  ],
  [
    'a line with a character on it does not',
    'phone,x\n1,2\n\u3000é\nid,ref\n3,2125550187',
    '2125550187',
    'x',
  ],
  ['first line has no header', 'name,ssn', 'ssn', undefined],
  ['prose is not a table', 'Call me.\nMy number is 2125550187', '2125550187', undefined],
];

describe('columnHeaderAt', () => {
  it.each(rows)('%s', (_name, text, needle, header) => {
    expect(columnHeaderAt(text, text.indexOf(needle))).toBe(header);
  });
});
