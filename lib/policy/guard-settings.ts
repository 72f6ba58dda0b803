// The input guard's settings per channel as they appear in the policy bundle (`paste`, `send`, `uploads`,
// at the top level as defaults and on each rule): what each channel does with personal data.
import { z } from 'zod';

/** What a channel does with text holding personal data (paste, send). */
export const textGuardModes = ['redact', 'block', 'warn', 'off'] as const;
export type TextGuardMode = (typeof textGuardModes)[number];

export const pasteGuardSchema = z.strictObject({
  mode: z
    .enum(textGuardModes)
    .default('redact')
    .describe('What a paste or drop with personal data does on allowed services'),
  allowOriginal: z
    .boolean()
    .default(false)
    .describe('Whether the user may paste the original anyway, with a justification'),
  files: z
    .enum(['allow', 'block'])
    .default('allow')
    .describe('Pasted or dropped files: block refuses them all; allow hands them to the `uploads` settings'),
  message: z.string().max(500).optional().describe('Shown when a paste is blocked'),
});
export type PasteGuardSettings = z.infer<typeof pasteGuardSchema>;

export const sendGuardSchema = z.strictObject({
  mode: z
    .enum(textGuardModes)
    .default('redact')
    .describe(
      'What sending a prompt with personal data does (Enter, the send button, form submission): redact replaces it in the composer and holds this send; warn asks; block holds the send',
    ),
  allowOriginal: z
    .boolean()
    .default(false)
    .describe('warn and block: the user may send the text as typed, with a justification'),
  message: z.string().max(500).optional().describe('Shown when a send is held'),
});
export type SendGuardSettings = z.infer<typeof sendGuardSchema>;

/** 10 MiB: a text file larger than this is not read (it follows `unscannable`). */
export const defaultMaxScanBytes = 10 * 1024 * 1024;

/** ".csv", "text/csv", "image/*": a file extension or a MIME type, optionally with a wildcard subtype. */
const fileType = z
  .string()
  .max(100)
  .regex(
    /^(\.[a-z0-9]{1,16}|[a-z0-9][a-z0-9!#$&^_.+-]{0,63}\/(\*|[a-z0-9][a-z0-9!#$&^_.+-]{0,63}))$/,
    'expected a lower-case file extension such as ".pst" or a MIME type such as "application/zip" or "image/*"',
  );

export const uploadGuardSchema = z.strictObject({
  mode: z
    .enum(['allow', 'scan', 'block'])
    .default('scan')
    .describe(
      'Files chosen in a file picker, dropped or pasted: allow hands them over unread; scan reads text files and applies onFinding; block refuses every file',
    ),
  onFinding: z
    .enum(['redact', 'warn', 'block'])
    .default('redact')
    .describe(
      'scan: a text file with personal data — redact gives the page a redacted copy (same name and type), warn asks, block refuses it',
    ),
  unscannable: z
    .enum(['allow', 'block'])
    .default('allow')
    .describe('scan: files that cannot be read as text (binary, over maxScanBytes)'),
  maxScanBytes: z
    .number()
    .int()
    .min(1024)
    .max(100 * 1024 * 1024)
    .default(defaultMaxScanBytes)
    .describe('scan: larger files are not read and count as unscannable'),
  blockTypes: z
    .array(fileType)
    .max(500)
    .default([])
    .describe(
      'Extensions (".pst") or MIME types ("application/zip", "image/*") refused in every mode, allow included',
    ),
  allowOriginal: z
    .boolean()
    .default(false)
    .describe('onFinding warn or block: the user may upload the original anyway, with a justification'),
  message: z.string().max(500).optional().describe('Shown when a file is refused'),
});
export type UploadGuardSettings = z.infer<typeof uploadGuardSchema>;
