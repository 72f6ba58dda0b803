// The policy bundle: the one zod schema behind managed storage, the CLI, the docs and the MDM templates.
import { z } from 'zod';
import {
  categories,
  confidenceLevels,
  countryCode,
  serviceSchema,
  type Service,
} from '../catalog/catalog-schema';
import { adminSettingsSchema } from './admin-settings';
import { forwardingSettingsSchema } from './forwarding-settings';
import { pasteGuardSchema, sendGuardSchema, uploadGuardSchema } from './guard-settings';
import { policyRedactionSchema } from './redaction-settings';
import { requestAccessSchema } from './request-access';

export const actions = ['allow', 'warn', 'block'] as const;
export type Action = (typeof actions)[number];

const serviceId = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'expected a service id such as "deepseek"');
const hostName = z
  .string()
  .regex(
    /^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*$/,
    'expected a lower-case host name such as "chat.example.com" (it matches its subdomains too)',
  );

export const ruleMatchSchema = z
  .strictObject({
    services: z.array(serviceId).min(1).optional().describe('Catalog service ids'),
    hosts: z
      .array(hostName)
      .min(1)
      .optional()
      .describe('Hosts, each matching itself and its subdomains; also hosts that are not in the catalog'),
    jurisdictions: z.array(countryCode).min(1).optional().describe('Where the service processes data'),
    parentCountries: z
      .array(countryCode)
      .min(1)
      .optional()
      .describe("Country of the operator's parent company"),
    categories: z.array(z.enum(categories)).min(1).optional().describe('Service categories'),
    confidence: z
      .array(z.enum(confidenceLevels))
      .min(1)
      .optional()
      .describe('Confidence of the jurisdiction claim in the catalog'),
  })
  .refine((m) => Object.values(m).some((v) => v !== undefined), {
    message:
      'a rule must match on at least one of services, hosts, jurisdictions, parentCountries, categories, confidence',
  })
  .describe('All listed criteria must hold (AND); within one criterion any value matches (OR)');
export type RuleMatch = z.infer<typeof ruleMatchSchema>;

export {
  pasteGuardSchema,
  sendGuardSchema,
  uploadGuardSchema,
  type PasteGuardSettings,
  type SendGuardSettings,
  type UploadGuardSettings,
} from './guard-settings';

const actionOptions = {
  message: z
    .string()
    .max(1000)
    .optional()
    .describe("The organisation's message shown on the block or warn page"),
  bypassMinutes: z
    .number()
    .int()
    .min(1)
    .max(1440)
    .default(60)
    .describe('warn: how long Continue grants access to that service in that tab'),
  requireJustification: z.boolean().default(false).describe('warn: Continue needs a written reason'),
  paste: pasteGuardSchema.optional().describe('allow: paste-guard settings for these services'),
  send: sendGuardSchema.optional().describe('allow: send-check settings for these services'),
  uploads: uploadGuardSchema.optional().describe('allow: upload-guard settings for these services'),
};

export const ruleSchema = z.strictObject({
  id: z
    .string()
    .regex(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/, 'expected a rule id (letters, digits, _ . -)')
    .describe('Unique; shown on the interstitials and in the log'),
  description: z.string().max(500).optional().describe('For admins; not shown to users'),
  match: ruleMatchSchema,
  action: z
    .enum(actions)
    .describe('allow (the input guard applies), warn (interstitial with Continue) or block'),
  ...actionOptions,
});
export type Rule = z.infer<typeof ruleSchema>;

export const fallbackSchema = z
  .strictObject({
    action: z.enum(actions).default('allow').describe('What to do with them'),
    ...actionOptions,
  })
  .describe('For catalog AI services that no rule matched');
export type Fallback = z.infer<typeof fallbackSchema>;

// Every field optional and WITHOUT its default: an override replaces only the fields it names.
const overridableFields = Object.fromEntries(
  Object.entries(serviceSchema.shape)
    .filter(([key]) => key !== 'id')
    .map(([key, field]) => [key, (field instanceof z.ZodDefault ? field.unwrap() : field).optional()]),
) as unknown as {
  [K in Exclude<keyof typeof serviceSchema.shape, 'id'>]: z.ZodOptional<z.ZodType<Service[K]>>;
};

export const serviceOverrideSchema = z
  .strictObject({ id: serviceId, ...overridableFields })
  .describe('Replaces the given fields of a catalog service');

export const loggingSchema = z.strictObject({
  retentionDays: z.number().int().min(1).max(3650).default(90),
  maxEvents: z.number().int().min(1000).max(5_000_000).default(200_000),
  fullUrls: z
    .boolean()
    .default(false)
    .describe(
      'Store full URLs instead of hosts only. A URL can hold what the user typed (chatgpt.com/?q=…): the query parameters AI services carry prompts in are removed unless keepPromptParameters is on; paths are kept',
    ),
  keepPromptParameters: z
    .boolean()
    .default(false)
    .describe(
      'With fullUrls: keep the prompt parameters (q, query, prompt, text, message, msg, input, question, ask, search) in logged URLs',
    ),
  visitedAllowed: z
    .boolean()
    .default(false)
    .describe(
      'Record a visited_allowed event when a tab opens an AI service the policy allows (one per tab and service)',
    ),
});

export const policySchema = z.strictObject({
  $schema: z.string().optional(),
  name: z.string().min(1).max(200).describe('Shown to users and admins'),
  version: z.string().min(1).max(50).describe('Shown to admins; bump it on every change'),
  mode: z.enum(['enforce', 'audit']).default('enforce').describe('audit decides and logs but never blocks'),
  rules: z.array(ruleSchema).max(10_000).default([]).describe('Ordered; the first matching rule wins'),
  fallback: fallbackSchema.prefault({}),
  alternatives: z
    .array(serviceId)
    .default([])
    .describe('Approved services suggested (and linked) on block and warn pages'),
  requestAccess: requestAccessSchema.optional(),
  catalog: z
    .strictObject({
      add: z.array(serviceSchema).default([]).describe("The organisation's own services"),
      override: z.array(serviceOverrideSchema).default([]).describe('Corrections to catalog services'),
    })
    .prefault({}),
  paste: pasteGuardSchema.prefault({}).describe('Paste-guard defaults for allowed services'),
  send: sendGuardSchema.prefault({}).describe('Send-check defaults for allowed services'),
  uploads: uploadGuardSchema.prefault({}).describe('Upload-guard defaults for allowed services'),
  redaction: policyRedactionSchema.prefault({}),
  logging: loggingSchema.prefault({}),
  forwarding: forwardingSettingsSchema.optional(),
  admin: adminSettingsSchema.optional(),
});
export type Policy = z.infer<typeof policySchema>;
export type PolicyInput = z.input<typeof policySchema>;
