// The OTLP/HTTP JSON shape of an ExportLogsServiceRequest (opentelemetry-proto logs/v1, common/v1), as zod.
// JSON encoding rules: lowerCamelCase keys, 64-bit integers as decimal strings, enums as numbers,
// trace/span ids hex (we send none). Strict objects so a typo in a key fails validation.
import { z } from 'zod';

const uint64String = z.string().regex(/^\d{1,20}$/, 'expected a 64-bit unsigned integer as a decimal string');
const int64String = z.string().regex(/^-?\d{1,19}$/, 'expected a 64-bit integer as a decimal string');

export type AnyValue =
  | { stringValue: string }
  | { boolValue: boolean }
  | { intValue: string }
  | { doubleValue: number }
  | { arrayValue: { values: AnyValue[] } }
  | { kvlistValue: { values: KeyValue[] } };
export interface KeyValue {
  key: string;
  value: AnyValue;
}

export const anyValueSchema: z.ZodType<AnyValue> = z.lazy(() =>
  z.union([
    z.strictObject({ stringValue: z.string() }),
    z.strictObject({ boolValue: z.boolean() }),
    z.strictObject({ intValue: int64String }),
    z.strictObject({ doubleValue: z.number() }),
    z.strictObject({ arrayValue: z.strictObject({ values: z.array(anyValueSchema) }) }),
    z.strictObject({ kvlistValue: z.strictObject({ values: z.array(keyValueSchema) }) }),
  ]),
);
export const keyValueSchema: z.ZodType<KeyValue> = z.lazy(() =>
  z.strictObject({ key: z.string().min(1), value: anyValueSchema }),
);

const uniqueKeys = (attributes: KeyValue[]) =>
  new Set(attributes.map((a) => a.key)).size === attributes.length;
const attributesSchema = z.array(keyValueSchema).refine(uniqueKeys, 'attribute keys must be unique');

export const logRecordSchema = z.strictObject({
  timeUnixNano: uint64String,
  observedTimeUnixNano: uint64String,
  severityNumber: z.number().int().min(1).max(24),
  severityText: z.string().min(1),
  body: anyValueSchema,
  attributes: attributesSchema,
  droppedAttributesCount: z.number().int().nonnegative().optional(),
  flags: z.number().int().nonnegative().optional(),
});
export type LogRecord = z.infer<typeof logRecordSchema>;

export const exportLogsRequestSchema = z.strictObject({
  resourceLogs: z
    .array(
      z.strictObject({
        resource: z.strictObject({ attributes: attributesSchema }),
        scopeLogs: z
          .array(
            z.strictObject({
              scope: z.strictObject({ name: z.string().min(1), version: z.string().optional() }),
              logRecords: z.array(logRecordSchema).min(1),
              schemaUrl: z.string().optional(),
            }),
          )
          .min(1),
        schemaUrl: z.string().optional(),
      }),
    )
    .min(1),
});
export type ExportLogsRequest = z.infer<typeof exportLogsRequestSchema>;

/** ExportLogsServiceResponse: an empty object, or a partial success naming rejected records. */
export const exportLogsResponseSchema = z.object({
  partialSuccess: z
    .object({
      rejectedLogRecords: z.union([z.string(), z.number()]).optional(),
      errorMessage: z.string().optional(),
    })
    .optional(),
});
export type ExportLogsResponse = z.infer<typeof exportLogsResponseSchema>;
