// Numbers that are not personal data although they look like it: product barcodes (EAN/GTIN/UPC) and parcel
// tracking numbers. Recognised by their GS1 check digit and shape, or by the label or column naming them, so
// the card and phone detectors leave them alone.
import { hasContextBefore } from './detection';
import { inColumnHeaded } from './table-column';

/** The GS1 mod-10 check digit (weights 3 and 1 from the right) of EAN/GTIN/UPC, SSCC and USPS numbers. */
export function gs1CheckDigitValid(digits: string): boolean {
  let sum = 0;
  for (let i = digits.length - 2, weight = 3; i >= 0; i--, weight = 4 - weight) {
    sum += (digits.charCodeAt(i) - 48) * weight;
  }
  return (10 - (sum % 10)) % 10 === digits.charCodeAt(digits.length - 1) - 48;
}

// Words and labels that name a product code, before the number or heading its column.
const barcodeWords =
  'ean(?:-?(?:8|13|14))?|gtin(?:-?(?:8|12|13|14))?|upc(?:-?a)?|isbn(?:-?1[03])?|bar ?code|barcodes|sku|asin|mpn|' +
  'art(?:ikel)?[.-]? ?(?:nr|nummer|no)|artikelnummer|article|item|product code|strichcode|' +
  'c[oó]digo de barras|code[- ]barre|codice a barre|streepjescode';
const barcodeContext = new RegExp(
  `\\b(?:${barcodeWords})\\b(?:[\\s:#.=()"'-]|\\b(?:no|nr|number|code|id)\\b)*$`,
  'i',
);
const barcodeHeader = new RegExp(`\\b(?:${barcodeWords})\\b`, 'i');

/** Whether the number at `start` is introduced, or its table column headed, as a product code. */
export function namedAsProductCode(text: string, start: number): boolean {
  return (
    hasContextBefore(text, start, barcodeContext, 32, true) || inColumnHeaded(text, start, barcodeHeader)
  );
}

// "Tracking number", "Sendungsnummer", "número de seguimiento" and the like, followed only by punctuation and
// a few filler words before the number.
const trackingContext = new RegExp(
  '(?:\\b(?:tracking|track(?: ?(?:&|and) ?trace)?|trace|sendungs(?:nummer|nr|-?id|verfolgung)|paketnummer|' +
    'trackingnummer|zendingnummer|kollinummer|(?:air ?)?waybill|awb|frachtbrief|consignment|' +
    'num[eé]ro de suivi|n° de suivi|suivi|seguimiento|rastreo|rastreamento|rastreio|tracciamento|' +
    'spedizione|przesy[lł]ki|takip|' +
    // A carrier's name and service introduce its shipment numbers too.
    '(?:fedex|ups|usps|dhl|gls|dpd|hermes|tnt|royal mail|colissimo|chronopost|correos|postnl|poste italiane)' +
    '(?: (?:ground|express|priority|standard|paket|parcel|home delivery|international|smartpost))?)\\b|' +
    '追跡番号|运单号|快递单号|송장번호)' +
    '(?:[\\s:#.=()"\'-]|\\b(?:is|ist|lautet|est|es|è|no|nr|number|num|nummer|id|code|de|del|di)\\b)*$',
  'i',
);

/**
 * Whether the numeric chunk [start, end) holding `digits` digits is a parcel tracking number: introduced as
 * one, or shaped like a USPS Intelligent Mail package barcode (20-22 digits from 91-95) or an SSCC (AI "00"
 * and 18 digits) with a valid GS1 check digit. Never a chunk with a dot in it.
 */
export function isParcelNumber(text: string, start: number, end: number, digits: number): boolean {
  // Carriers never write dots into their numbers: "203.0.113.42" after "tracking" is an address.
  for (let i = start; i < end; i++) if (text.charCodeAt(i) === 46) return false;
  if (digits >= 8 && hasContextBefore(text, start, trackingContext, 48)) return true;
  if (digits < 20 || digits > 22) return false;
  const compact = text.slice(start, end).replace(/\D/g, '');
  const usps = compact.charCodeAt(0) === 57 && compact.charCodeAt(1) >= 49 && compact.charCodeAt(1) <= 53;
  const sscc = digits === 20 && compact.startsWith('00');
  return (usps || sscc) && gs1CheckDigitValid(compact);
}
