// Forwarding settings as they appear in the policy bundle (`forwarding` key): where and what to send.
import { z } from 'zod';
import { checkEndpointUrl } from './forwarding-endpoint';

/** Chrome clamps alarms to 30 s for packed extensions; shorter intervals are for loopback test receivers. */
export const minimumProductionIntervalSeconds = 30;

// Headers the browser or the protocol own; an admin setting them would break the request.
const reservedHeaders = new Set([
  'content-type',
  'content-length',
  'host',
  'connection',
  'transfer-encoding',
]);

const headerName = z
  .string()
  .regex(/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/, 'expected an HTTP header name such as "Authorization"')
  .refine((name) => !reservedHeaders.has(name.toLowerCase()), {
    message: 'Content-Type, Content-Length, Host, Connection and Transfer-Encoding are set by Gatehouse',
  });

export const forwardedFieldsSchema = z
  .strictObject({
    urls: z
      .boolean()
      .default(false)
      .describe('Send full URLs (only recorded when logging.fullUrls is on); hosts only otherwise'),
    justifications: z
      .boolean()
      .default(false)
      .describe('Send the free text users type to continue past a warning or paste the original'),
    userLabel: z
      .boolean()
      .default(false)
      .describe('Send forwarding.userLabel as user.name instead of only the pseudonymous device id'),
  })
  .describe('Minimisation: what leaves the browser beyond kind, time, service, host, rule and counts');
export type ForwardedFields = z.infer<typeof forwardedFieldsSchema>;

export const forwardingSettingsSchema = z
  .strictObject({
    enabled: z.boolean().default(true),
    endpoint: z
      .string()
      .max(2048)
      .describe('OTLP/HTTP logs endpoint, e.g. https://collector.example/v1/logs (http only for loopback)'),
    headers: z
      .record(headerName, z.string().max(8192))
      .default({})
      .describe(
        'Extra request headers, e.g. an API key. Users can read them in chrome://policy: use a write-only token, per device where you can',
      ),
    batchSize: z.number().int().min(1).max(1000).default(100).describe('Log records per request'),
    intervalSeconds: z
      .number()
      .int()
      .min(1)
      .max(86_400)
      .default(60)
      .describe('How often a sleeping worker wakes to forward (below 30 only for loopback endpoints)'),
    timeoutSeconds: z
      .number()
      .int()
      .min(1)
      .max(300)
      .default(30)
      .describe('A request slower than this failed'),
    retryMaxSeconds: z
      .number()
      .int()
      .min(1)
      .max(86_400)
      .default(300)
      .describe('Upper bound of the exponential backoff between retries'),
    maxBacklog: z
      .number()
      .int()
      .min(100)
      .max(5_000_000)
      .default(100_000)
      .describe('Unsent events kept; beyond it the oldest are skipped and the skip is logged'),
    fields: forwardedFieldsSchema.prefault({}),
    userLabel: z
      .string()
      .min(1)
      .max(200)
      .optional()
      .describe('Who uses this browser (e.g. templated by the MDM); sent only when fields.userLabel is on'),
  })
  .superRefine((settings, ctx) => {
    const endpoint = checkEndpointUrl(settings.endpoint);
    if (!endpoint.ok) {
      ctx.addIssue({ code: 'custom', path: ['endpoint'], message: endpoint.error });
      return;
    }
    if (settings.intervalSeconds < minimumProductionIntervalSeconds && !endpoint.loopback) {
      ctx.addIssue({
        code: 'custom',
        path: ['intervalSeconds'],
        message: `intervalSeconds below ${minimumProductionIntervalSeconds} is allowed only for loopback test endpoints`,
      });
    }
  })
  .describe('Forward events to an OpenTelemetry (OTLP/HTTP JSON) log pipeline');
export type ForwardingSettings = z.infer<typeof forwardingSettingsSchema>;
export type ForwardingSettingsInput = z.input<typeof forwardingSettingsSchema>;
