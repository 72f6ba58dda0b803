// Redaction settings as they appear in the policy bundle (`redaction` key). The engine reads them.
import { z } from 'zod';

export const piiTypes = [
  'EMAIL',
  'PHONE',
  'CREDIT_CARD',
  'IBAN',
  'US_SSN',
  'IP_ADDRESS',
  'API_KEY',
  'UK_NINO',
  'DE_TAX_ID',
  'FR_NIR',
  'IT_CODICE_FISCALE',
  'ES_DNI',
  'CUSTOM',
] as const;
export type PiiType = (typeof piiTypes)[number];

export const customPatternSchema = z.object({
  name: z
    .string()
    .min(1)
    .max(64)
    .describe('Label shown to the user and in the log, e.g. "project code name"'),
  pattern: z.string().min(1).max(1000).describe('Regular expression (RE2 syntax, linear time)'),
  caseInsensitive: z.boolean().default(false),
});

export const dictionarySchema = z.object({
  name: z.string().min(1).max(64).describe('Label shown to the user and in the log, e.g. "customer names"'),
  terms: z.array(z.string().min(2).max(200)).max(10000),
  caseInsensitive: z.boolean().default(true),
});

export const redactionSettingsSchema = z.object({
  types: z
    .array(z.enum(piiTypes))
    .default([...piiTypes])
    .describe('Which kinds of personal data to detect; all by default'),
  placeholder: z
    .enum(['typed', 'numbered'])
    .default('typed')
    .describe(
      '"typed" replaces with [EMAIL]; "numbered" with [EMAIL_1], the same value getting the same token',
    ),
  customPatterns: z.array(customPatternSchema).max(100).default([]),
  dictionaries: z.array(dictionarySchema).max(50).default([]),
  maxInputChars: z
    .number()
    .int()
    .min(1000)
    .max(50_000_000)
    .default(5_000_000)
    .describe('Longer pastes are refused rather than scanned partially'),
});
export type RedactionSettings = z.infer<typeof redactionSettingsSchema>;
