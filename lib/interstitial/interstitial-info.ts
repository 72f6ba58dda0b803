// What the block and warn pages receive from the background: the decision, the service and (warn) a nonce.
import { z } from 'zod';

export const interstitialPages = ['blocked', 'warn'] as const;
export type InterstitialPage = (typeof interstitialPages)[number];

const serviceSummary = z.strictObject({
  id: z.string(),
  name: z.string(),
  operator: z.string(),
  jurisdiction: z.string(),
});
export type ServiceSummary = z.infer<typeof serviceSummary>;

export const interstitialInfoSchema = z.discriminatedUnion('ok', [
  z.strictObject({
    ok: z.literal(true),
    page: z.enum(interstitialPages),
    url: z.string(),
    host: z.string(),
    action: z.enum(['allow', 'warn', 'block', 'none']),
    service: serviceSummary.nullable(),
    rule: z.string().nullable(),
    message: z.string().nullable(),
    policyName: z.string(),
    bypassMinutes: z.number(),
    requireJustification: z.boolean(),
    alternatives: z.array(serviceSummary),
    /** warn only: the one-time token Continue and Go back must return. */
    nonce: z.string().nullable(),
  }),
  z.strictObject({ ok: z.literal(false), error: z.string() }),
]);
export type InterstitialInfo = z.infer<typeof interstitialInfoSchema>;

export const continueResultSchema = z.discriminatedUnion('ok', [
  z.strictObject({ ok: z.literal(true), url: z.string() }),
  z.strictObject({ ok: z.literal(false), error: z.string() }),
]);
export type ContinueResult = z.infer<typeof continueResultSchema>;

/** Go back: whether the pending warning was this tab's (and is now recorded and gone). */
export const goBackResultSchema = z.strictObject({ ok: z.boolean() });
