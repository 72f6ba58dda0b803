// The policy's `redaction` key: the engine's settings (lib/redact/settings.ts) plus how numbered
// placeholders live on in the page: where the tab's map is kept and how restored originals are shown.
import { z } from 'zod';
import { redactionSettingsSchema } from '../redact/settings';

export const restoreDisplays = ['inline', 'on-hover'] as const;
export type RestoreDisplay = (typeof restoreDisplays)[number];

export const placeholderMapScopes = ['page', 'tab'] as const;
export type PlaceholderMapScope = (typeof placeholderMapScopes)[number];

export const policyRedactionSchema = redactionSettingsSchema.extend({
  restoreDisplay: z
    .enum(restoreDisplays)
    .default('inline')
    .describe(
      'placeholders "restore": "inline" writes the original into the answer (marked, copied with it; the page\'s own scripts can read it there); "on-hover" keeps the placeholder in the page and shows the original in a Gatehouse overlay while the pointer is on it',
    ),
  placeholderMap: z
    .enum(placeholderMapScopes)
    .default('page')
    .describe(
      'numbered and restore: where the tab\'s placeholder → original map is kept. "page": in Gatehouse\'s content script only (a reload forgets it); "tab": also in the browser\'s session storage (memory, never disk) until the tab closes or leaves the service, so a reload keeps numbers and restoring',
    ),
});
export type PolicyRedaction = z.infer<typeof policyRedactionSchema>;
