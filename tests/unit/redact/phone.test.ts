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
  ['after "=" without a label, grouped', `x=${uk}`, []],
  ['glued to the letters of a phone label', `Tel${uk}`, []],
  ['after "Tel." without a space', `Tel.${uk}`, [uk]],
  ['after "Tel." and a country code without a space', 'Tel.+49 221 1234567', ['+49 221 1234567']],
  ['after "@"', `@${uk}`, [uk]],
  ['in square brackets', `[${uk}]`, [uk]],
  ['in backquotes', `\`${uk}\``, [uk]],
  ['in braces', `{${uk}}`, [uk]],
  ['after a tel: link', `tel:${uk}`, [uk]],
  ['after "Tel:" with a country code', 'Tel:+44 20 7946 0958', ['+44 20 7946 0958']],
  ['after "phone="', 'phone=4155550132', ['4155550132']],
  ['after a number and "/" (a list)', '1/+1 202-555-0144', ['+1 202-555-0144']],
  ['after a word and "/" (a path)', 'path/+1 202-555-0144', []],
  // A candidate takes at most 25 characters; the next one starts right after it, glued to its last digit.
  ['after a "0" that ends a longer run', `${'1'.repeat(24)}0212 555 0187`, []],
  ['after a "9" that ends a longer run', `${'1'.repeat(24)}9212 555 0187`, []],
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
  ['followed by "ext" and digits without a space', `call ${uk}ext12`, []],
  // 25 characters that would pass as a number, but the run goes on: part of something longer.
  ['a grouped run going on with a "0" past 25 characters', 'Tel: 1 2 3 4 5 6 7 8 9 0 1 2340', []],
  ['a grouped run going on with a "9" past 25 characters', 'Tel: 1 2 3 4 5 6 7 8 9 0 1 2349', []],
  ['a grouped run going on with "-" and a digit', 'Tel: 1 2 3 4 5 6 7 8 9 0 1 234-5', []],
  ['a grouped run going on with "." and a digit', 'Tel: 1 2 3 4 5 6 7 8 9 0 1 234.5', []],
  ['the same run ending at 25 characters', 'Tel: 1 2 3 4 5 6 7 8 9 0 1 234', ['1 2 3 4 5 6 7 8 9 0 1 234']],
  // Glued to what follows, a list still starts with a number.
  ['a list of 25 characters glued to a letter', `call ${uk} / 7946 0959x`, [uk]],
  ['a shorter list glued to a letter', `call ${uk} / 7946x`, [uk]],
  ['a list cut by the window, glued to a letter', `call ${uk} / 7946 09591x`, [uk]],
];

const extensions: Row[] = [
  ['ext', `call ${uk} ext 12`, [`${uk} ext 12`]],
  ['Durchwahl', `call ${uk} Durchwahl 12`, [`${uk} Durchwahl 12`]],
  ['dw.', `call ${uk} dw. 12`, [`${uk} dw. 12`]],
  ['poste', `call ${uk} poste 12`, [`${uk} poste 12`]],
  ['anexo', `call ${uk} anexo 12`, [`${uk} anexo 12`]],
  ['interno', `call ${uk} interno 12`, [`${uk} interno 12`]],
  ['an extension with text after it', `call ${uk} ext 12 today`, [`${uk} ext 12`]],
  ['seven digits are not an extension', `call ${uk} extension 1234567`, [uk]],
  ['an extension glued to a letter is not one', `call ${uk} ext. 12a`, [uk]],
  ['a spaced "x" is not an extension', `call ${uk} x 12`, [uk]],
];

const shapes: Row[] = [
  ['seven digits after a label', 'Tel: 123 4567', ['123 4567']],
  ['six digits after a label', 'Tel: 123 456', []],
  ['fifteen digits with a country code', 'call +49 30 12345678901', ['+49 30 12345678901']],
  [
    'sixteen digits with a country code (valid in the plan, longer than E.164)',
    'call +49 151 12345678901',
    [],
  ],
  ['a date and a time', 'on 2024-01-15 10:30', []],
  ['a date and a time after a phone label', 'Phone: 2024-01-15 10:30', []],
  ['a date with slashes after a phone label', 'Tel: 15/01/2024 10:30', []],
  ['a date with dots after a phone label', 'Tel: 15.01.2024', []],
  ['a number and a date after a phone label', 'Tel: 1234 15-01-2024', []],
  ['four dotted pairs (a version or an address)', 'see 12.34.56.78', []],
  ['the French dotted layout', 'call 04.10.83.09.41', ['04.10.83.09.41']],
  ['North American with dots', 'call 415.555.0132', ['415.555.0132']],
  ['dots mixed with spaces', 'call 415.555 0132', []],
  ['a version and a year', 'call 0.24.0 (2017', []],
  ['an ISBN (one-digit last group)', 'call 0-306-40615-2', []],
  ['a one-digit last group after spaces', `call 020 7946 095 8`, []],
  ['a fictional UK mobile with a country code, no label', '+44 7700 900123 is free', []],
  ['a fictional UK mobile with a country code after a label', 'mobile +44 7700 900123', ['+44 7700 900123']],
  ['"00" for the country code at the start of the text', '0044 20 7946 0958', ['0044 20 7946 0958']],
  ['"00" and a country code, ungrouped, without context', '00442079460958 is the number', ['00442079460958']],
  ['a term in arithmetic', 'y = 415 902 3310 mod 17', []],
  ['a term before an operator', `${uk} * 3`, []],
  ['a North American layout in no plan, without context', '(000) 555-0100', []],
  ['seven digits after a label, one of them a 9', 'Tel: 923 4567', ['923 4567']],
  ['six grouped digits before a list, after a label', 'Tel: 12 34 56 - 1', []],
  ['a date with hyphens after a phone label', 'Tel: 15-01-2024', []],
  ['a date with slashes alone after a phone label', 'Tel: 15/01/2024', []],
  ['four dotted pairs after a phone label', 'Tel: 12.34.56.78', []],
  ['a dotted one-digit first group after a label (a version)', 'Tel: 1.2345.67890', []],
  ['a dotted one-digit middle group after a label (a version)', 'Tel: 1234.5.67890', []],
  ['seven grouped digits in no numbering plan after a label', 'Tel: 0 000 000', []],
  [
    'thirteen grouped digits in no numbering plan after a label',
    'Tel: 0 000 000 000 000',
    ['0 000 000 000 000'],
  ],
  ['fourteen grouped digits in no numbering plan after a label', 'Tel: 0 000 000 000 0000', []],
  ['seven ungrouped digits after a label (not in a plan)', 'Tel: 1234567', []],
  ['eight grouped digits after a label', 'Tel: 12 34 56 78', ['12 34 56 78']],
  ['a one-digit last group after a label', 'Tel: 1234 5678 9012 3', []],
  ['a number introduced as an order number', `order no. ${uk}`, []],
  ['eleven bare digits without context', '02079460958', []],
  ['eleven bare digits after a phone word', 'call 02079460958', ['02079460958']],
  ['an area code in brackets', '(020) 7946 0958', ['(020) 7946 0958']],
  ['French pairs', '01 02 03 04 05', ['01 02 03 04 05']],
  ['the Dutch mobile layout with a hyphen', '06-12345678', ['06-12345678']],
  ['the Dutch mobile layout with a space', '06 12345678', ['06 12345678']],
  ['a two-digit first group in another layout', '05 74 700 616', []],
  ['nine digits with a trunk 0, no context', '030 123456', []],
  ['ten digits with a trunk 0, no context', '030 1234567', ['030 1234567']],
  ['a trunk number in hyphens', '030-12345678', ['030-12345678']],
  ['a trunk number in dots', '030.12345678', ['030.12345678']],
  ['a trunk number with a slash', '030/12345678', ['030/12345678']],
  ['a trunk number with a one-digit first group', '0 30 12345678', ['0 30 12345678']],
  ['a UK number in the North American layout (not valid there)', '020 794 6095', ['020 794 6095']],
  ['North American with spaces', '212 555 0187', ['212 555 0187']],
  ['North American with the country code and hyphens', '1-212-555-0187', ['1-212-555-0187']],
];

// A candidate that fails is tried again from its next group (a phone number may follow another number);
// one that fails as a whole but lists two numbers keeps its first.
const retries: Row[] = [
  ['a number after a short number and a space', `room 12 ${uk}`, [uk]],
  ['a number after a five-digit number and a space', `room 12345 ${uk}`, [uk]],
  ['after a number and "-", the rest is glued to it', `12-345 ${uk}`, []],
  ['after a number and ".", the rest is glued to it', `12.345 ${uk}`, []],
  ['after a number and "/", the rest is glued to it', `12/345 ${uk}`, []],
  ['a number, a double space and a shorter one', `${uk}  7946 0959`, [uk]],
  ['a number, a spaced slash and a shorter one', `call ${uk} / 7946 0959`, [uk]],
  ['North American, a spaced dash and a local number', 'Tel: 212 555 0187 - 555 0188', ['212 555 0187']],
  // The first number is cut between groups only, and has at least eight characters.
  ['a list whose first item ends in a one-digit group', `Tel: ${uk} 1 - 1234`, [uk]],
  ['a list whose first item has too many digits', 'Tel: 020 7946 095812345 - 1', ['020 7946']],
  ['a list whose first item has seven characters', 'Tel: 8123456 - 1', []],
  ['a list whose first item ends in a hyphen', `Tel: ${uk}- - 123456`, [uk]],
  ['single digits between spaces are not a list', `Tel: ${uk} 1 2`, []],
  ['an opening bracket far from the digits', `(${' '.repeat(30)}212 555 0187`, ['212 555 0187']],
  // A candidate takes at most 25 characters: when that cuts the next number of a list, the first still counts.
  [
    'two North American numbers, the window cuts the second',
    'Tel: 212-555-0187 / 212-555-0188',
    ['212-555-0187', '212-555-0188'],
  ],
  ['a number, a spaced slash and a long number', '+1 202-555-0143 / 2025550144', ['+1 202-555-0143']],
  ['a number, a double space and a long number', `Tel: ${uk}  12345678901234`, [uk]],
  [
    'a number and a spaced dash, the window cuts a group',
    'Tel. 0171 1234567 - 0171 7654321',
    ['0171 1234567', '0171 7654321'],
  ],
  ['a long run cut by the window, no list', `call 12345678901234567890${uk}`, []],
];

// Without a label right before it, a spaced national number needs weaker context: a phone word earlier in
// the line (within 48 characters, no other number between) or a kind of line after it, and a numbering plan.
const x41 = 'x'.repeat(41);
const context: Row[] = [
  ['an operand after "x ="', `x = ${uk}`, []],
  ['after "Tel =" (a label, not a variable)', `Tel = ${uk}`, [uk]],
  ['"y =" at the start of the text', 'y = 415 902 3310', []],
  ['"y =" deeply indented in code', `def f():\n${' '.repeat(16)}y = 415 902 3310`, []],
  ['"y =" indented in code', 'def f():\n    y = 415 902 3310', []],
  ['"y =" at the start of a line', 'x = 1\ny = 415 902 3310', []],
  ['"y =" after a bracket', '(a) y = 415 902 3310', []],
  ['a product', '2125550187 * 3', []],
  ['a label in capitals', 'TEL +44 7700 900123', ['+44 7700 900123']],
  ['a label in another script', '電話 +44 7700 900123', ['+44 7700 900123']],
  ['a label and a filler word ending in "a"', 'Telefono da +44 7700 900123', ['+44 7700 900123']],
  ['punctuation only before a possible number', '#: +44 7700 900123', []],
  ['nothing before a possible number', '+44 7700 900123', []],
  ['a number before a possible number', '1 +44 7700 900123', []],
  ['a phone word 48 characters before', `móvil ${x41} 612 45 78 90`, ['612 45 78 90']],
  ['a phone word 49 characters before', `móvil ${x41}x 612 45 78 90`, []],
  ['eight digits after a phone word earlier in the line', 'móvil de empresa: 1234 5678', []],
  ['a phone word with a word before it', `a móvil ${x41} 612 45 78 90`, ['612 45 78 90']],
  ['a phone word with a number before it', `1 móvil ${x41} 612 45 78 90`, ['612 45 78 90']],
  ['another number between the phone word and the number', 'móvil 3 ... 612 45 78 90', []],
  ['punctuation only before the number', '... 612 45 78 90', []],
  [
    'a phone word at the start, a long text after',
    `móvil ... 612 45 78 90, ${'y'.repeat(60)}`,
    ['612 45 78 90'],
  ],
  ['a phone word on the line before', 'móvil\n612 45 78 90', ['612 45 78 90']],
  ['a kind of line in brackets after', '612 45 78 90 (cell)', ['612 45 78 90']],
  ['a phone word and "|" right before (a table cell)', 'móvil|612 45 78 90', ['612 45 78 90']],
  ['a label and a filler word in capitals ending in "A"', 'TELEFONO DA +44 7700 900123', ['+44 7700 900123']],
  [
    'a North American layout after a phone word, in no plan',
    'call the office: (000) 555-0100',
    ['(000) 555-0100'],
  ],
  ['a kind of line after', '612 45 78 90 office', ['612 45 78 90']],
  ['a word starting like a kind of line after', '612 45 78 90 workshop', []],
];

// Arithmetic: an operator (after spaces or tabs) with another operand on either side makes the number a value;
// the operator is looked for first, so each one and each kind of space gets a row.
const arithmetic: Row[] = [
  ['a tab before "*"', `${uk}\t* 3`, []],
  ['"×" after', `${uk} × 3`, []],
  ['"÷" after', `${uk} ÷ 3`, []],
  ['"^" after', `${uk} ^ 2`, []],
  ['"%" after', `${uk} % 7`, []],
  ['"=" after', `${uk} = 5`, []],
  ['"+" and a short operand after', `${uk} + 41`, []],
  ['"div" after', `${uk} div 2`, []],
  ['"MOD" after, in capitals', `${uk} MOD 17`, []],
  ['"DIV" after, in capitals', `${uk} DIV 2`, []],
  ['a word starting with "mod" after', `${uk} mode 2`, [uk]],
  ['"*" before', `3 * ${uk}`, []],
  ['"×" before', `3 × ${uk}`, []],
  ['"÷" before', `3 ÷ ${uk}`, []],
  ['"^" before', `3 ^ ${uk}`, []],
  ['"%" before', `3 % ${uk}`, []],
  ['"+" before', `3 + ${uk}`, []],
  ['"-" before (a list, not a sum)', `3 - ${uk}`, [uk]],
  ['a tab after "*" before', `3 *\t${uk}`, []],
  ['spaces and a tab after "+" before', `3 + \t ${uk}`, []],
  ['a tab after "y ="', `y =\t${uk}`, []],
  ['a tab before "=" in "y ="', `y\t= ${uk}`, []],
  ['a bracket and "+" before', `(a) + ${uk}`, []],
  ['"-" and a one-digit operand after, the number cut from the list', `${uk} - 1`, []],
  ['"+" with nothing before it', `+ ${uk}`, [uk]],
  ['"=" after spaces only', `${' '.repeat(14)}= ${uk}`, [uk]],
  ['"=" after a name of four letters (not a variable)', `abcd = ${uk}`, [uk]],
  ['an operator more than 16 characters before', `a + b ${'x'.repeat(12)} ${uk}`, [uk]],
];

// A kind of line after the number ("(work)") may follow spaces and tabs, in round or square brackets.
const lineKinds: Row[] = [
  ['in square brackets', '612 45 78 90 [work]', ['612 45 78 90']],
  ['after a tab', '612 45 78 90\toffice', ['612 45 78 90']],
  ['after spaces and a tab, in brackets', '612 45 78 90 \t (home)', ['612 45 78 90']],
  ['a digit in brackets is not one', '612 45 78 90 (5)', []],
  ['a bracket at the end of the text', '612 45 78 90 [', []],
  ['a space inside the bracket', '612 45 78 90 ( work)', []],
];

// A column headed "phone" holds phone numbers; the header must be in the same block of lines as the number.
const columns: Row[] = [
  ['a number in a phone column', 'name,phone\nBob,2125550187', ['2125550187']],
  ['two rows of a phone column', 'id,phone\n1,2125550187\n2,2125550188', ['2125550187', '2125550188']],
  ['a row starting with spaces, under another row', 'id,phone\n1,x\n   2,2125550187', ['2125550187']],
  ['a row starting with a tab, under another row', 'id,phone\n1,x\n\t2,2125550187', ['2125550187']],
  [
    'a row under a line with a vertical tab and a letter',
    'name,phone\nx\u000b\nBob,2125550187',
    ['2125550187'],
  ],
  ['an empty line between header and row', 'name,phone\n\nBob,2125550187', []],
  ['a line of spaces and a tab between', 'name,phone\n \t\nBob,2125550187', []],
  ['a line holding a carriage return between', 'name,phone\n\r\nBob,2125550187', []],
  ['a line of ideographic space between', 'name,phone\n\u3000\nBob,2125550187', []],
  ['a line of spaces right under the header', 'id,phone\n  \n1,2125550187', []],
  ['a table after a number on the first line', '12345678\n\nname,phone\nBob,2125550187', ['2125550187']],
  ['a table after an empty first line', '\nname,phone\nBob,2125550187', ['2125550187']],
];

describe.each([
  ['what a phone number may follow', before],
  ['what may follow a phone number', after],
  ['extensions', extensions],
  ['shapes', shapes],
  ['retries after a failed candidate', retries],
  ['labels and context', context],
  ['arithmetic', arithmetic],
  ['kinds of line after the number', lineKinds],
  ['table columns', columns],
])('%s', (_group, rows) => {
  it.each(rows)('%s', (_name, text, expected) => {
    expect(phones(text)).toEqual(expected);
  });
});

// A phone number sharing a run of digits and separators with another finding (a card, an SSN) is still a
// phone number: only the other finding's digits are left out of the phone candidates.
const besideOtherFindings: [name: string, text: string, expected: [string, string][]][] = [
  [
    'a phone, then an SSN',
    'Tel: 212-555-0187 536-22-8714',
    [
      ['PHONE', '212-555-0187'],
      ['US_SSN', '536-22-8714'],
    ],
  ],
  [
    'a card, then a phone',
    '4111 1111 1111 1111 020 7946 0958',
    [
      ['CREDIT_CARD', '4111 1111 1111 1111'],
      ['PHONE', '020 7946 0958'],
    ],
  ],
  [
    'a phone, then a card',
    'call 02079460958 4111111111111111',
    [
      ['PHONE', '02079460958'],
      ['CREDIT_CARD', '4111111111111111'],
    ],
  ],
  ['a card alone', 'card 4111 1111 1111 1111', [['CREDIT_CARD', '4111 1111 1111 1111']]],
  // The card's digits end the candidate: the seven digits before it are too short.
  [
    'seven digits after a label, then a card',
    'Tel: 8123456 4111111111111111',
    [['CREDIT_CARD', '4111111111111111']],
  ],
];

describe('phone numbers next to other findings', () => {
  it.each(besideOtherFindings)('%s', (_name, text, expected) => {
    expect(findPii(text).map((f) => [f.type, text.slice(f.start, f.end)])).toEqual(expected);
  });
});
