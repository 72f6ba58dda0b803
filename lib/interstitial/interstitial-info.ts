// What the block and warn pages receive from the background: the decision, the service, what the person
// can do next, and the nonces that tie Continue, Go back and Request access to this page.
import { z } from 'zod';
import { whatNextSchema } from './what-next';

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
    /** Approved alternatives (linked), the request-access link and who to ask. */
    next: whatNextSchema,
    /** warn only: the one-time token Continue and Go back must return. */
    nonce: z.string().nullable(),
    /** With a request-access link: the token a click returns, so the background logs what it showed. */
    accessNonce: z.string().nullable(),
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

/** Request access: whether the click was this page's (and is now recorded, once per page shown). */
export const requestAccessResultSchema = z.strictObject({ ok: z.boolean() });
