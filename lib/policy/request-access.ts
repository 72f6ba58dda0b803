// The policy's `requestAccess`: a link (ticket form or e-mail) and a contact the block and warn pages
// offer, so a blocked service becomes a request instead of a workaround.
import { z } from 'zod';

/** What a template may name; each value is URL-encoded where it is filled in. */
export const requestAccessFields = ['service', 'serviceName', 'host', 'rule'] as const;
export type RequestAccessValues = Record<(typeof requestAccessFields)[number], string>;

/** The schemes a link may use: a web form over TLS, or an e-mail. Anything else could run code or leak. */
const allowedSchemes = ['https:', 'mailto:'];

/** Why a template is unusable, or null when it is fine. */
export function requestAccessTemplateProblem(template: string): string | null {
  if (!/^(https|mailto):/i.test(template))
    return 'expected an address starting with https: or mailto: (the scheme must be written out, not filled in)';
  for (const [, name] of template.matchAll(/\{([^{}]*)\}/g)) {
    if (!(requestAccessFields as readonly string[]).includes(name!))
      return `unknown placeholder {${name}}: use ${requestAccessFields.map((f) => `{${f}}`).join(', ')}`;
  }
  const sample = fill(template, { service: 'x', serviceName: 'x', host: 'x.example', rule: 'x' });
  return sample === null ? 'not a valid address once its placeholders are filled in' : null;
}

export const requestAccessSchema = z
  .strictObject({
    url: z
      .string()
      .max(2000)
      .superRefine((value, ctx) => {
        const problem = requestAccessTemplateProblem(value);
        if (problem) ctx.addIssue({ code: 'custom', message: problem });
      })
      .optional()
      .describe(
        'https: or mailto: address of your request form; {service}, {serviceName}, {host} and {rule} are filled in, URL-encoded. E.g. "mailto:it@example.org?subject=Access%20to%20{serviceName}&body={host}"',
      ),
    contact: z
      .string()
      .min(1)
      .max(300)
      .optional()
      .describe('Who to ask, shown on block and warn pages ("the IT service desk, extension 4321")'),
  })
  .refine((r) => r.url !== undefined || r.contact !== undefined, {
    message: 'give a url, a contact, or both',
  })
  .describe('How people ask for access to a blocked or warned service: a button on the block and warn pages');
export type RequestAccess = z.infer<typeof requestAccessSchema>;

/**
 * The link for one blocked or warned address, each value URL-encoded; null when the result is not an
 * https: or mailto: address (a template checked by the schema always gives one).
 */
export function requestAccessHref(template: string, values: RequestAccessValues): string | null {
  if (requestAccessTemplateProblem(template)) return null;
  return fill(template, values);
}

/** Whether a page may render this link: an https: or mailto: address, written out as such. */
export function isAllowedLink(href: string): boolean {
  if (!/^(https|mailto):/i.test(href)) return false;
  try {
    return allowedSchemes.includes(new URL(href).protocol);
  } catch {
    return false;
  }
}

function fill(template: string, values: RequestAccessValues): string | null {
  const filled = template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.hasOwn(values, name) ? encodeURIComponent(values[name as keyof RequestAccessValues]) : whole,
  );
  return isAllowedLink(filled) ? filled : null;
}
