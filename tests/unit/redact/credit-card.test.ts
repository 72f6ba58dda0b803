// The card detector's edges: issuer ranges and lengths, the checksum, where a card may start and end, how
// groups join, the longest valid run of groups, barcodes and labels.
import { describe, expect, it } from 'vitest';
import { issuerMatches, luhnValid } from '../../../lib/redact/detect-credit-card';
import { findPii } from '../../../lib/redact/redact';

function cards(text: string): string[] {
  return findPii(text, { types: ['CREDIT_CARD'] }).map((f) => text.slice(f.start, f.end));
}

/** `prefix` padded with zeros to `length` digits (issuer rules look at prefix and length only). */
function digits(prefix: string, length: number): string {
  return prefix.padEnd(length, '0');
}

describe('issuer ranges and lengths', () => {
  const rows: [name: string, prefix: string, length: number, expected: boolean][] = [
    ['Visa 13', '4', 13, true],
    ['Visa 16', '4', 16, true],
    ['Visa 19', '4', 19, true],
    ['Visa 15', '4', 15, false],
    ['Visa 17', '4', 17, false],
    ['Mastercard 51', '51', 16, true],
    ['Mastercard 55', '55', 16, true],
    ['Mastercard 51 with 15 digits', '51', 15, false],
    ['Mastercard 51 with 17 digits', '51', 17, false],
    ['Mastercard 2221', '2221', 16, true],
    ['Mastercard 2720', '2720', 16, true],
    ['below the 2-series', '2220', 16, false],
    ['above the 2-series', '2721', 16, false],
    ['American Express 34', '34', 15, true],
    ['American Express 37', '37', 15, true],
    ['American Express with 16 digits', '34', 16, false],
    ['American Express with 14 digits', '37', 14, false],
    ['35 is not American Express', '35', 15, false],
    ['Discover 6011, 16', '6011', 16, true],
    ['Discover 6011, 19', '6011', 19, true],
    ['Discover 6011, 15', '6011', 15, false],
    ['Discover 6011, 20', '6011', 20, false],
    ['Discover 644', '644', 16, true],
    ['Discover 649', '649', 16, true],
    ['Discover 65', '65', 16, true],
    // Discover's ranges lie inside Maestro's (50, 56-69) but take only 16-19 digits.
    ['Discover 644 with 13 digits', '644', 13, false],
    ['Discover 649 with 15 digits', '649', 15, false],
    ['Discover 65 with 13 digits', '65', 13, false],
    ['Discover 622126', '622126', 16, true],
    ['Discover 622925', '622925', 16, true],
    ['JCB 3528', '3528', 16, true],
    ['JCB 3589', '3589', 19, true],
    ['JCB with 15 digits', '3528', 15, false],
    ['JCB with 20 digits', '3528', 20, false],
    ['below JCB', '3527', 16, false],
    ['above JCB', '3590', 16, false],
    ['Diners 300', '300', 14, true],
    ['Diners 305', '305', 14, true],
    ['Diners 305, 19', '305', 19, true],
    ['Diners 36', '36', 14, true],
    ['Diners 38', '38', 14, true],
    ['Diners 39', '39', 14, true],
    ['Diners with 13 digits', '36', 13, false],
    ['Diners with 20 digits', '300', 20, false],
    ['306 is not Diners', '306', 14, false],
    ['UnionPay 62', '62', 16, true],
    ['UnionPay 62, 19', '62', 19, true],
    ['UnionPay with 15 digits', '62', 15, false],
    ['UnionPay with 20 digits', '62', 20, false],
    ['Maestro 50', '50', 12, true],
    ['Maestro 56', '56', 19, true],
    ['Maestro 69', '69', 12, true],
    ['Maestro with 11 digits', '50', 11, false],
    ['Maestro with 20 digits', '69', 20, false],
    ['70 is no issuer', '70', 16, false],
    ['1 is no issuer', '1', 16, false],
  ];
  it.each(rows)('%s', (_name, prefix, length, expected) => {
    expect(issuerMatches(digits(prefix, length))).toBe(expected);
  });
});

describe('Luhn checksum', () => {
  it.each([
    ['4111111111111111', true],
    ['4111111111111112', false],
    ['79927398713', true],
    ['79927398710', false],
    // Doubling 9 gives 18, counted as 9; doubling 5 gives 10, counted as 1.
    ['59', true],
    ['91', true],
    ['0', true],
    ['18', true],
    ['26', true],
  ])('%s is %s', (number, expected) => {
    expect(luhnValid(number)).toBe(expected);
  });
});

const rows: [name: string, text: string, expected: string[]][] = [
  ['Visa 13 digits, contiguous, not a barcode', 'card 4000000000006', ['4000000000006']],
  ['a 12-14 digit number with a valid GS1 check digit is a barcode', 'Artikel 5901234123457', []],
  ['a barcode-shaped number after a card label is a card', 'card number 5901234123457', ['5901234123457']],
  ['a barcode-shaped number grouped like a card is a card', '5901 2341 23457', ['5901 2341 23457']],
  ['a card labelled as a product code is not a card', 'SKU 4111111111111111', []],
  [
    'a card in a column headed card is a card even if barcode-shaped',
    'name,card\nA,5901234123457',
    ['5901234123457'],
  ],
  ['UATP without a label', 'ref 122000000000003', []],
  ['UATP in a card column', 'name;card\nA;122000000000003', ['122000000000003']],
  ['one digit repeated', 'card 4444444444444444', []],
  ['Luhn-valid digits of no issuer', 'card 7000000000000005', []],
  ['glued to a word', 'x4111111111111111', []],
  ['after a dot (a version or decimal)', '1.4111111111111111', []],
  ['after a hyphen (a range)', '9-4111111111111111', []],
  ['after a slash in a path', 'a/4111111111111111', []],
  ['after a slash between two numbers', '12/4111111111111111', ['4111111111111111']],
  ['a slash at the start of the text', '/4111111111111111', []],
  ['followed by a letter', '4111111111111111x', []],
  ['followed by a decimal part', '4111111111111111.5', []],
  ['followed by a full stop', 'card 4111111111111111.', ['4111111111111111']],
  ['followed by a path', '4111111111111111/abc', []],
  ['followed by a slash and the end', 'card 4111111111111111/', ['4111111111111111']],
  ['groups joined by hyphens', '4111-1111-1111-1111', ['4111-1111-1111-1111']],
  ['mixed separators', '4111 1111-1111 1111', []],
  ['two spaces between groups', '4111  1111  1111  1111', []],
  ['a first group of three', '411 1111 1111 1111', []],
  ['a last group of one digit', '4111 1111 1111 1111 1', ['4111 1111 1111 1111']],
  ['Amex in 4-6-5 groups', 'amex 3782 822463 10005', ['3782 822463 10005']],
  ['groups summing to more than 19 digits', '4111 1111 1111 1111 1111', ['4111 1111 1111 1111']],
  [
    'a card after twelve digits of something else',
    '0958 0000 1111 4111 1111 1111 1111',
    ['4111 1111 1111 1111'],
  ],
  ['a card starting with 7 after other digits', '12 7000000000000005', []],
  ['eleven digits are too few', 'card 40000000009', []],
  ['a card after a short number', 'nr 12 4111111111111111', ['4111111111111111']],
  ['UATP after a Spanish card label', 'tarjeta 122000000000003', ['122000000000003']],
  ['UATP after a label in capitals', 'UATP 122000000000003', ['122000000000003']],
  ['UATP in a column headed with something else', 'name;order\nA;122000000000003', []],
  ['UATP in a column headed in capitals', 'Name;Card\nA;122000000000003', ['122000000000003']],
  ['16 digits from 1 are no UATP card, even after a label', 'card 1000000000000008', []],
  ['American Express needs no label', 'ref 378282246310005', ['378282246310005']],
  ['a Maestro number of one digit repeated', 'card 6666666666666', []],
  [
    'a 16-digit card with a valid GS1 check digit needs no label',
    'ref 4111000000000065',
    ['4111000000000065'],
  ],
  ['14 digits with a valid GS1 check digit are a barcode', 'ref 36000000000081', []],
  ['a first group of two', '41 1111 1111 1111 11', []],
  ['a first group of one', '4 111111 111111 111', []],
  ['a group of one digit inside', '4111 1111 1111 111 1', []],
  ['a group of eight digits reads as two groups', '4111 11111111 1111', ['4111 11111111 1111']],
  ['after a slash that follows a space', 'see /4111111111111111', []],
  ['after 0 and a slash', '0/4111111111111111', ['4111111111111111']],
  ['after 9 and a slash', '9/4111111111111111', ['4111111111111111']],
  ['followed by a full stop and a sentence', 'card 4111111111111111. Thanks', ['4111111111111111']],
  ['followed by a full stop and a word', 'card 4111111111111111.Exp', ['4111111111111111']],
  ['followed by a decimal part from 0', 'card 4111111111111111.0', []],
  ['followed by a decimal part from 9', 'card 4111111111111111.9', []],
  ['followed by a slash and a number from 0', 'card 4111111111111111/0927', ['4111111111111111']],
  ['followed by a slash and a number from 9', 'card 4111111111111111/9999', ['4111111111111111']],
  ['a 12-digit Maestro card', 'card 501800000009', ['501800000009']],
  ['a 12-digit card at the end of a longer chunk', '7 501800000009', ['501800000009']],
  ['a 19-digit Visa card, contiguous', 'card 4111000000000000001', ['4111000000000000001']],
  // 6 is the highest first digit of a card: Discover, UnionPay and Maestro start with it.
  ['a Discover card, starting with 6', 'card 6011111111111117', ['6011111111111117']],
  ['a grouped UnionPay card, starting with 6', '6200 0000 0000 0005', ['6200 0000 0000 0005']],
];

describe('cards in text', () => {
  it.each(rows)('%s', (_name, text, expected) => {
    expect(cards(text)).toEqual(expected);
  });
});
