// The phone detector's edges, one row per behaviour: what the number may touch on either side, the
// extensions written after it, and (below) the shapes, labels and context that decide whether a digit run is
// a phone number. Each row gives the text and exactly the phone numbers found in it.
import { describe, expect, it } from 'vitest';
import { findPii } from '../../../lib/redact/redact';

type Row = [name: string, text: string, expected: string[]];

function phones(text: string): string[] {
  return findPii(text, { types: ['PHONE'] }).map((f) => text.slice(f.start, f.end));
}

const uk = '020 7946 0958';

const before: Row[] = [
  ['at the very start of the text', '(212) 555-0187 is the office', ['(212) 555-0187']],
  ['glued to a lower-case letter', `z${uk}`, []],
  ['glued to "a"', `a${uk}`, []],
  ['glued to an upper-case letter', `Z${uk}`, []],
  ['glued to "A"', `A${uk}`, []],
  ['glued to "_"', `_${uk}`, []],
  ['after "." (a decimal or a version)', `.${uk}`, []],
  ['after "#"', `#${uk}`, []],
  ['after "$"', `$${uk}`, []],
  ['after "€"', `€${uk}`, []],
  ['after "£"', `£${uk}`, []],
  ['after "/" (a path)', `/${uk}`, []],
  ['after ":" without a label (a time, a port)', `10:${uk}`, []],
  ['after "-" (a range)', `-${uk}`, []],
  ['after "=" without a label (a variable)', `x=4155550132`, []],
  ['after "@"', `@${uk}`, [uk]],
  ['in square brackets', `[${uk}]`, [uk]],
  ['in backquotes', `\`${uk}\``, [uk]],
  ['in braces', `{${uk}}`, [uk]],
  ['after a tel: link', `tel:${uk}`, [uk]],
  ['after "Tel:" with a country code', 'Tel:+44 20 7946 0958', ['+44 20 7946 0958']],
  ['after "phone="', 'phone=4155550132', ['4155550132']],
  ['after a number and "/" (a list)', '1/+1 202-555-0144', ['+1 202-555-0144']],
  ['after a word and "/" (a path)', 'path/+1 202-555-0144', []],
];

const after: Row[] = [
  ['followed by "x" and an extension', `call ${uk}x12`, [`${uk}x12`]],
  ['followed by "X" and an extension', `call ${uk}X12`, [`${uk}X12`]],
  ['followed by a bare "x"', `call ${uk}x`, []],
  ['glued to a lower-case letter', `call ${uk}z`, []],
  ['glued to "a"', `call ${uk}a`, []],
  ['glued to an upper-case letter', `call ${uk}Z`, []],
  ['glued to "A"', `call ${uk}A`, []],
  ['glued to "_"', `call ${uk}_`, []],
  ['followed by "%"', `call ${uk}%`, []],
  ['followed by ":" at the end', `call ${uk}:`, [uk]],
  ['followed by ":" and a space', `call ${uk}: ok`, [uk]],
  ['followed by ":" and a line break', `call ${uk}:\nok`, [uk]],
  ['followed by ":" and a tab', `call ${uk}:\tok`, [uk]],
  ['followed by ":" and a carriage return', `call ${uk}:\r\nok`, [uk]],
  ['followed by ":" and digits (a time)', `call ${uk}:30`, []],
  ['followed by "/" at the end', `call ${uk}/`, [uk]],
  ['followed by "/" and a space', `call ${uk}/ x`, [uk]],
  ['followed by "/" and a line break', `call ${uk}/\n`, [uk]],
  ['followed by "/" and a word (a path)', `call ${uk}/x`, []],
  ['followed by "." and a digit', `call ${uk}.5`, []],
  ['followed by "." at the end of a sentence', `call ${uk}.`, [uk]],
  ['followed by "-" and a digit', `call ${uk}-5`, []],
  ['followed by a hyphen alone', `call ${uk}-`, [uk]],
  ['followed by "@"', `call ${uk}@`, [uk]],
  ['followed by "`"', `call ${uk}\``, [uk]],
  ['followed by "{"', `call ${uk}{`, [uk]],
  ['followed by "["', `call ${uk}[`, [uk]],
];

const extensions: Row[] = [
  ['ext', `call ${uk} ext 12`, [`${uk} ext 12`]],
  ['Durchwahl', `call ${uk} Durchwahl 12`, [`${uk} Durchwahl 12`]],
  ['dw.', `call ${uk} dw. 12`, [`${uk} dw. 12`]],
  ['poste', `call ${uk} poste 12`, [`${uk} poste 12`]],
  ['anexo', `call ${uk} anexo 12`, [`${uk} anexo 12`]],
  ['interno', `call ${uk} interno 12`, [`${uk} interno 12`]],
  ['seven digits are not an extension', `call ${uk} extension 1234567`, [uk]],
  ['an extension glued to a letter is not one', `call ${uk} ext. 12a`, [uk]],
  ['a spaced "x" is not an extension', `call ${uk} x 12`, [uk]],
];

describe.each([
  ['what a phone number may follow', before],
  ['what may follow a phone number', after],
  ['extensions', extensions],
])('%s', (_group, rows) => {
  it.each(rows)('%s', (_name, text, expected) => {
    expect(phones(text)).toEqual(expected);
  });
});
