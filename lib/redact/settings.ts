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

/** How redacted text reads: `restore` is numbered, and the originals are shown again in the AI's answers. */
export const placeholderModes = ['typed', 'numbered', 'restore'] as const;
export type PlaceholderMode = (typeof placeholderModes)[number];

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
  placeholders: z
    .enum(placeholderModes)
    .default('numbered')
    .describe(
      '"typed" replaces with [EMAIL]; "numbered" with [EMAIL_1], the same value getting the same number for the whole conversation in that tab; "restore" is numbered, and the AI\'s answers show the originals again on this device (docs/answer-restore.md)',
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
