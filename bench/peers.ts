// The npm peers the redaction engine is compared with, wrapped to give typed spans on the original text
// (offline parts only: no name lists over the network, no cloud DLP).
import { OpenRedaction } from '@openredaction/openredaction';
import { Redactor } from '@redactpii/node';
import { SyncRedactor } from 'redact-pii';
import type { PiiType } from '../lib/redact/settings';

export interface PredictedSpan {
  start: number;
  end: number;
  /** undefined for kinds our corpus does not label (names, street addresses, zip codes, ...). */
  type: PiiType | undefined;
}

export interface Engine {
  name: string;
  /** What a paste guard would call: text in, redacted text out. */
  redact(text: string): unknown;
  /** Typed spans on the original text, for scoring. */
  spans(text: string): PredictedSpan[];
}

/**
 * Recovers replaced spans from a peer that only returns redacted text: walks both strings, and at each
 * placeholder finds where the original resumes by searching for the literal text that follows it.
 */
export function spansFromRedacted(
  original: string,
  redacted: string,
  placeholders: Record<string, PiiType | undefined>,
): PredictedSpan[] {
  const names = Object.keys(placeholders).sort((a, b) => b.length - a.length);
  const tokenAt = (k: number) => names.find((name) => redacted.startsWith(name, k));
  const spans: PredictedSpan[] = [];
  let i = 0;
  let k = 0;
  while (k < redacted.length && i <= original.length) {
    const token = tokenAt(k);
    if (token !== undefined && !original.startsWith(token, i)) {
      const after = k + token.length;
      let literalEnd = Math.min(redacted.length, after + 32);
      for (let p = after; p < literalEnd; p++) if (tokenAt(p) !== undefined) literalEnd = p;
      const literal = redacted.slice(after, literalEnd);
      const resume =
        literal === ''
          ? after >= redacted.length
            ? original.length
            : i + 1
          : original.indexOf(literal, i + 1);
      if (resume === -1) break;
      spans.push({ start: i, end: resume, type: placeholders[token] });
      i = resume;
      k = after;
    } else if (original[i] === redacted[k]) {
      i++;
      k++;
    } else {
      i++; // the peer dropped a character (some collapse whitespace around what they replace)
    }
  }
  return spans;
}

const redactPiiNodePlaceholders: Record<string, PiiType | undefined> = {
  EMAIL_ADDRESS: 'EMAIL',
  PHONE_NUMBER: 'PHONE',
  CREDIT_CARD_NUMBER: 'CREDIT_CARD',
  US_SOCIAL_SECURITY_NUMBER: 'US_SSN',
  PERSON_NAME: undefined,
};

const redactPiiPlaceholders: Record<string, PiiType | undefined> = {
  ...redactPiiNodePlaceholders,
  IP_ADDRESS: 'IP_ADDRESS',
  CREDENTIALS: 'API_KEY',
  PASSWORD: 'API_KEY',
  USERNAME: undefined,
  STREET_ADDRESS: undefined,
  ZIPCODE: undefined,
  URL: undefined,
  DIGITS: undefined,
};

// OpenRedaction reports hundreds of kinds; these are the ones that correspond to our types.
export function openRedactionType(type: string): PiiType | undefined {
  if (type === 'EMAIL') return 'EMAIL';
  if (type.startsWith('PHONE_') && type !== 'PHONE_LINE_NUMBER') return 'PHONE';
  if (type === 'CREDIT_CARD') return 'CREDIT_CARD';
  if (type === 'IBAN' || type === 'UK_BANK_ACCOUNT_IBAN') return 'IBAN';
  if (type === 'SSN') return 'US_SSN';
  if (type === 'IPV4' || type === 'IPV6') return 'IP_ADDRESS';
  if (type === 'NATIONAL_INSURANCE_UK') return 'UK_NINO';
  if (type === 'GERMAN_TAX_ID') return 'DE_TAX_ID';
  if (type === 'FRENCH_SOCIAL_SECURITY') return 'FR_NIR';
  if (type === 'ITALIAN_FISCAL_CODE') return 'IT_CODICE_FISCALE';
  if (type === 'SPANISH_DNI') return 'ES_DNI';
  if (/API_KEY|ACCESS_KEY|SECRET|TOKEN|PRIVATE_KEY|STORAGE_KEY|DATABASE_CONNECTION|DOCKER_AUTH/.test(type))
    return 'API_KEY';
  return undefined;
}

export function peerEngines(): Engine[] {
  const redactPiiNode = new Redactor();
  const redactPii = new SyncRedactor();
  const openRedaction = new OpenRedaction();
  return [
    {
      name: '@redactpii/node',
      redact: (text) => redactPiiNode.redact(text),
      spans: (text) => spansFromRedacted(text, redactPiiNode.redact(text), redactPiiNodePlaceholders),
    },
    {
      name: 'redact-pii',
      redact: (text) => redactPii.redact(text),
      spans: (text) => spansFromRedacted(text, redactPii.redact(text), redactPiiPlaceholders),
    },
    {
      name: '@openredaction/openredaction',
      redact: (text) => openRedaction.detect(text).redacted,
      spans: (text) =>
        openRedaction.detect(text).detections.map((d) => ({
          start: d.position[0],
          end: d.position[1],
          type: openRedactionType(d.type),
        })),
    },
  ];
}
