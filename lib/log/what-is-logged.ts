// Generates docs/what-is-logged.md from the event schema's descriptions, so the page for works councils
// and data-protection officers lists exactly what the code records.
import type { z } from 'zod';
import { loggingSchema } from '../policy/policy-schema';
import { commonEventFields, logEventSchema } from './event-schema';
import { keptByCount } from './retention';

type Shape = Record<string, z.ZodType>;

export function whatIsLoggedMarkdown(): string {
  const common = new Set(Object.keys(commonEventFields));
  const limits = loggingSchema.parse({});
  const escape = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
  const kinds = logEventSchema.options.map((option) => {
    const shape = option.shape as Shape;
    const kind = (shape.kind as z.ZodLiteral<string>).value;
    const extra = Object.entries(shape)
      .filter(([name]) => name !== 'kind' && !common.has(name))
      .map(([name, field]) => `\`${name}\`: ${described(field, `${kind}.${name}`)}`);
    return `| \`${kind}\` | ${escape(described(option, kind))} | ${escape(extra.join('; ') || '—')} |`;
  });
  const fields = Object.entries(commonEventFields as Shape).map(
    ([name, field]) => `| \`${name}\` | ${escape(described(field, name))} |`,
  );
  return [
    '# What Gatehouse logs',
    '',
    '<!-- Generated from lib/log/event-schema.ts by `npm run generate`; do not edit by hand. -->',
    '',
    'For works councils and data-protection officers: this is everything the extension records, one',
    '`LogEvent` per decision or action. Nothing else is written to the log.',
    '',
    "**Where.** In the browser profile's own IndexedDB (`gatehouse-log`), on the user's machine. Events",
    "leave the machine only if the policy configures forwarding to the organisation's log pipeline",
    '([forwarding.md](forwarding.md) lists exactly which fields are sent: by default fewer than are stored).',
    '',
    `**How long.** \`logging.retentionDays\` (default ${limits.retentionDays} days) and \`logging.maxEvents\``,
    `(default ${limits.maxEvents.toLocaleString('en')}): older events, and the oldest beyond the maximum, are deleted`,
    'hourly; if the disk is full, the oldest tenth is deleted at once. Each deletion is itself recorded as a',
    '`log_pruned` event. The extension asks for `unlimitedStorage` so the browser does not evict the log.',
    'While forwarding is on, retention never deletes events not yet forwarded.',
    `Deleting by count never takes ${keptByCount.map((kind) => `\`${kind}\``).join(', ')} events (the users' own`,
    'decisions, with their justifications) while others are left: nobody can push them out of the log by',
    'making it record other events. Age applies to them as to all.',
    '',
    "**Who can write it.** Only the extension's own decisions. A block or warn page records its event only",
    'when Gatehouse itself sent the tab there, once: a web page that opens `blocked.html#…` records nothing.',
    'Blocked requests below the page are coalesced per tab, service and type, and capped per tab and minute;',
    'beyond that they are counted, and the flood is recorded as `log_flood` events.',
    '',
    '**Who can read it.** Admins, in the toolbar popup (the event list, a chart, export as CSV or JSON).',
    'With `admin.passphraseHash` in the policy, the popup asks for the admin passphrase first. That is a',
    '**UI gate, not encryption**: the log is stored unencrypted in the browser profile, and anyone with',
    "access to the profile files or the extension's developer tools can read it. Use forwarding for records",
    'users must not be able to see or alter.',
    '',
    '## Every event has',
    '',
    '| Field | Meaning |',
    '|---|---|',
    ...fields,
    '',
    '**Events carry no user name, e-mail address, IP address or device name.** (With forwarding, the',
    'forwarder adds a random per-browser-profile device id, and a user label only if the policy sets one:',
    'see [forwarding.md](forwarding.md).)',
    '',
    '## Events',
    '',
    '| Event | When | Extra fields |',
    '|---|---|---|',
    ...kinds,
    '',
    '## What is not recorded',
    '',
    'Page contents, prompts, what the user typed into an AI service, the pasted text, file names and',
    'contents (only their number and extensions from a fixed list), the personal data found in them,',
    "browsing outside the AI services in the catalog and the policy's own host rules, and (by",
    'default) full URLs with paths and query strings. Justifications are the one free text: tell users, in',
    'the warn message, that their reason is recorded and who reads it.',
    '',
  ].join('\n');
}

/** A schema's description; every field and kind must have one, or the generated page would have a gap. */
function described(schema: z.ZodType, what: string): string {
  const text = schema.description;
  if (!text) throw new Error(`event schema: ${what} has no description (add .describe())`);
  return text;
}
