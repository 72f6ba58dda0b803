// The policy's `admin` settings: the passphrase that gates the popup's log and export (a UI gate, not encryption).
import { z } from 'zod';
import { parsePassphraseHash } from './passphrase-hash';

export const adminSettingsSchema = z
  .strictObject({
    passphraseHash: z
      .string()
      .superRefine((value, ctx) => {
        const parsed = parsePassphraseHash(value);
        if (!parsed.ok) ctx.addIssue({ code: 'custom', message: parsed.error });
      })
      .optional()
      .describe(
        'PBKDF2 hash (at least 100,000 iterations) from `npm run --silent cli -- admin hash-passphrase`; the popup asks for the passphrase before showing the log. Users can read it in chrome://policy: use a long passphrase used nowhere else, per device where you can',
      ),
  })
  .describe('Admin access to the popup. A UI gate: the log stays readable on the machine itself');
export type AdminSettings = z.infer<typeof adminSettingsSchema>;
