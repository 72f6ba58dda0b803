// The AI-service catalog: zod schema (the types are inferred from it) and its validation.
import { z } from 'zod';

export const countryCode = z
  .string()
  .regex(/^([A-Z]{2}|unknown)$/, 'expected an ISO 3166-1 alpha-2 code in upper case, or "unknown"');
export const confidenceLevels = ['low', 'medium', 'high'] as const;
export const categories = [
  'chat',
  'coding-assistant',
  'image',
  'search-assistant',
  'api',
  'model-hub',
] as const;

const hostName = z
  .string()
  .min(1)
  .regex(
    /^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*$/,
    'expected a lower-case host name',
  );
const hostSuffix = z
  .string()
  .regex(/^[.-][a-z0-9.-]*[a-z0-9]$/, 'expected a suffix starting with "." or "-" ("…openai.azure.com")');
const urlPattern = z
  .string()
  .regex(
    /^(\*\.)?[a-z0-9.-]+[a-z0-9](\/[^\s#]*)$/,
    'expected host/path, optionally *.host/path ("github.com/copilot")',
  );

export const sourceSchema = z.object({
  url: z.url().nullable(),
  what: z.string(),
  seenInResearch: z.boolean(),
});

export const serviceSchema = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'expected a lower-case id (a-z, 0-9, -)'),
  name: z.string().min(1),
  operator: z.string().min(1),
  operatorCountry: countryCode,
  parentCompany: z.string().nullable().default(null),
  parentCountry: countryCode,
  jurisdiction: countryCode,
  confidence: z.enum(confidenceLevels),
  jurisdictionBasis: z.string().default(''),
  category: z.enum(categories),
  alsoCategories: z.array(z.enum(categories)).default([]),
  subcategory: z.string().optional(),
  embedded: z.boolean().default(false),
  domains: z.array(hostName).default([]),
  hosts: z.array(hostName).default([]),
  hostSuffixes: z.array(hostSuffix).default([]),
  hostPatterns: z.array(z.string().min(1)).default([]),
  urlPatterns: z.array(urlPattern).default([]),
  bans: z.array(z.string()).default([]),
  notes: z.string().optional(),
  sources: z
    .object({ evidence: z.array(sourceSchema).default([]), hosts: z.array(sourceSchema).default([]) })
    .optional(),
});

export type Service = z.infer<typeof serviceSchema>;
export type ServiceInput = z.input<typeof serviceSchema>;
export const catalogSchema = z.array(serviceSchema);
export type Catalog = Service[];
