// The messages that keep a tab's placeholder map in the browser's session memory when the policy says
// `redaction.placeholderMap: tab`: the input guard of the tab's top frame loads it when the page starts and
// adds what it numbered. The background answers for the sender's own tab only, and only when the policy
// for the sender's page keeps maps.
import { z } from 'zod';
import { maxPlaceholderEntries, placeholderEntriesSchema } from './placeholder-map';

export const placeholdersLoadRequestSchema = z.strictObject({ type: z.literal('placeholders:load') });
export const placeholdersLoadReplySchema = z.strictObject({ entries: placeholderEntriesSchema });

export const placeholdersAddRequestSchema = z.strictObject({
  type: z.literal('placeholders:add'),
  entries: placeholderEntriesSchema.min(1).max(maxPlaceholderEntries),
});
/** `kept`: false when this page's map is not kept (policy, frame) or could not be stored. */
export const placeholdersAddReplySchema = z.strictObject({ kept: z.boolean() });
