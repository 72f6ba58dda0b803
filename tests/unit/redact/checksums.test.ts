// The validators behind each detector, on published valid examples and one-character corruptions of them.
import { describe, expect, it } from 'vitest';
import { issuerMatches, luhnValid } from '../../../lib/redact/detect-credit-card';
import { deTaxIdValid } from '../../../lib/redact/detect-de-tax-id';
import { dniLetterValid } from '../../../lib/redact/detect-es-dni';
import { frNirValid } from '../../../lib/redact/detect-fr-nir';
import { ibanChecksumValid } from '../../../lib/redact/detect-iban';
import { parseIpv4, parseIpv6 } from '../../../lib/redact/detect-ip-address';
import { codiceFiscaleValid } from '../../../lib/redact/detect-it-codice-fiscale';
import { ssnRangeValid } from '../../../lib/redact/detect-us-ssn';

const rows: [name: string, check: () => boolean, expected: boolean][] = [
  ['Luhn accepts Visa test number', () => luhnValid('4111111111111111'), true],
  ['Luhn rejects last digit changed', () => luhnValid('4111111111111112'), false],
  ['issuer: Visa 16 digits', () => issuerMatches('4111111111111111'), true],
  ['issuer: Mastercard 2-series', () => issuerMatches('2223003122003222'), true],
  ['issuer: Amex must be 15 digits', () => issuerMatches('3782822463100050'), false],
  ['issuer: unknown prefix 1', () => issuerMatches('1234567890123452'), false],
  ['IBAN mod-97 valid (DE)', () => ibanChecksumValid('DE89370400440532013000'), true],
  ['IBAN mod-97 valid with letters (GB)', () => ibanChecksumValid('GB82WEST12345698765432'), true],
  ['IBAN mod-97 wrong check digits', () => ibanChecksumValid('DE88370400440532013000'), false],
  ['German tax id valid', () => deTaxIdValid('65929970489'), true],
  ['German tax id wrong check digit', () => deTaxIdValid('65929970488'), false],
  ['German tax id without a repeated digit', () => deTaxIdValid('12345678903'), false],
  ['German tax id starting with 0', () => deTaxIdValid('05929970489'), false],
  ['French NIR valid', () => frNirValid('184127645108946'), true],
  ['French NIR wrong key', () => frNirValid('184127645108947'), false],
  ['French NIR Corsica 2A', () => frNirValid('269052A12345688'), true],
  ['codice fiscale valid', () => codiceFiscaleValid('RSSMRA85T10A562S'), true],
  ['codice fiscale wrong check letter', () => codiceFiscaleValid('RSSMRA85T10A562T'), false],
  ['DNI letter valid', () => dniLetterValid('12345678', 'Z'), true],
  ['DNI letter wrong', () => dniLetterValid('12345678', 'A'), false],
  ['NIE X as 0', () => dniLetterValid('01234567', 'L'), true],
  ['SSN in issued range', () => ssnRangeValid('536', '22', '8714'), true],
  ['SSN area 000', () => ssnRangeValid('000', '12', '3456'), false],
  ['SSN area 666', () => ssnRangeValid('666', '12', '3456'), false],
  ['SSN area 900+', () => ssnRangeValid('900', '12', '3456'), false],
  ['SSN serial 0000', () => ssnRangeValid('123', '45', '0000'), false],
  ['IPv4 valid', () => parseIpv4('203.0.113.42') !== undefined, true],
  ['IPv4 octet over 255', () => parseIpv4('203.0.113.256') !== undefined, false],
  ['IPv4 leading zero', () => parseIpv4('10.01.1.1') !== undefined, false],
  ['IPv6 full', () => parseIpv6('2001:0db8:0000:0000:0000:ff00:0042:8329') === 8, true],
  ['IPv6 compressed', () => parseIpv6('2001:db8::ff00:42:8329') === 5, true],
  ['IPv6 two "::"', () => parseIpv6('2001::db8::1') !== undefined, false],
  ['IPv6 six groups without "::"', () => parseIpv6('00:1A:2B:3C:4D:5E') !== undefined, false],
];

describe('checksums and range rules', () => {
  it.each(rows)('%s', (_name, check, expected) => {
    expect(check()).toBe(expected);
  });
});
