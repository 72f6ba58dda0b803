// The request-access links the background has shown, per tab: a click is logged only against one of these,
// with the service, host and rule the background decided for that page, and only once per page shown.
import { z } from 'zod';
import { interstitialPages } from './interstitial-info';

export const accessOfferSchema = z.strictObject({
  page: z.enum(interstitialPages),
  url: z.string(),
  nonce: z.string(),
  /** Set by the first click: later clicks on the same page are not logged again. */
  requested: z.boolean(),
});
export type AccessOffer = z.infer<typeof accessOfferSchema>;

/** storage.session value: tab id → the request-access link that tab shows. */
export const accessOffersSchema = z.record(z.string().regex(/^\d+$/), accessOfferSchema);
export type AccessOffers = z.infer<typeof accessOffersSchema>;
