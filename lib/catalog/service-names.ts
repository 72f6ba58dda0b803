// How people see a catalog service: a short display name for an id, and the address that opens it.
import type { Service } from './catalog-schema';

/**
 * "ChatGPT (incl. Sora app)" → "ChatGPT": the catalog's names carry research notes in a trailing
 * parenthesis, which the popup and the block page leave to the full name (shown on hover).
 */
export function shortServiceName(name: string): string {
  const short = name.replace(/\s*\([^()]*\)\s*$/, '').trim();
  return short || name;
}

export interface ServiceLabel {
  /** Short name for lists and charts ("ChatGPT"); the id itself for a service the catalog lacks. */
  name: string;
  /** Full catalog name and id, for a tooltip ("ChatGPT (incl. Sora app) · openai-chatgpt"). */
  title: string;
}

/**
 * Looks up display names for service ids as stored in the log (ids the catalog lacks stay as they are),
 * from catalog services or anything else that pairs an id with its catalog name.
 */
export function serviceLabeller(
  services: Iterable<{ id: string; name: string }>,
): (id: string) => ServiceLabel {
  const byId = new Map([...services].map((s) => [s.id, s]));
  return (id) => {
    const service = byId.get(id);
    if (!service) return { name: id, title: id };
    return { name: shortServiceName(service.name), title: `${service.name} · ${id}` };
  };
}

/**
 * Addresses that reach the service, in catalog order: its domains, its hosts, then its URL patterns
 * (`github.com/copilot`). The first one is the link the block page offers for an approved alternative.
 */
export function serviceEntryUrls(service: Service): string[] {
  const urls = [...service.domains, ...service.hosts].map((host) => `https://${host}/`);
  for (const pattern of service.urlPatterns) urls.push(`https://${pattern.replace(/^\*\./, '')}`);
  return urls;
}

/** The address that opens the service, or null when the catalog only knows suffixes or host patterns. */
export function serviceHomeUrl(service: Service): string | null {
  return serviceEntryUrls(service)[0] ?? null;
}
