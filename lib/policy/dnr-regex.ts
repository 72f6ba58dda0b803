// RE2 regexFilters for catalog entries DNR domains cannot express: each captures the whole URL as \1.
const scheme = '[a-z][a-z0-9+.-]*://(?:[^/?#@]*@)?';
// Port and path after the host; a trailing dot on the host is the same host to the browser.
const afterHost = '\\.?(?::[0-9]+)?(?:[/?#].*)?';

export function escapeRegex(text: string): string {
  return text.replace(/[\\^$.*+?()[\]{}|]/g, (c) => `\\${c}`);
}

/** Hosts ending with a catalog host suffix (".openai.azure.com", "-aiplatform.googleapis.com"). */
export function suffixRegex(suffix: string): string {
  return `^(${scheme}[^/?#@:]*${escapeRegex(suffix)}${afterHost})$`;
}

/** A catalog URL pattern "host/prefix" (or "*.host/prefix" for subdomains only). */
export function urlPatternRegex(host: string, prefix: string, subdomainsOnly: boolean): string {
  const hostPart = subdomainsOnly
    ? `[^/?#@:]*\\.${escapeRegex(host)}`
    : `(?:[^/?#@:]*\\.)?${escapeRegex(host)}`;
  const last = prefix.at(-1);
  // Mirrors pathHasPrefix: the prefix must end at "/", "?", "#", "&" or the end of the URL.
  const tail = last === '/' || last === '?' || last === '&' ? '.*' : '(?:[/?#&].*)?';
  return `^(${scheme}${hostPart}\\.?(?::[0-9]+)?${escapeRegex(prefix)}${tail})$`;
}

/** Any URL on the host whose path holds a %-escaped unreserved character (see encodedPathCells). */
export function encodedPathRegex(host: string, subdomainsOnly: boolean): string {
  const hostPart = subdomainsOnly
    ? `[^/?#@:]*\\.${escapeRegex(host)}`
    : `(?:[^/?#@:]*\\.)?${escapeRegex(host)}`;
  const unreservedEscape = '%(?:2[dDeE]|3[0-9]|[46][1-9a-fA-F]|[57][0-9aA]|5[fF]|7[eE])';
  return `^(${scheme}${hostPart}\\.?(?::[0-9]+)?/[^?#]*${unreservedEscape}.*)$`;
}

/** A catalog host pattern (a full-match RE2 on the host). Null when it cannot be embedded safely. */
export function hostPatternRegex(pattern: string): string | null {
  const body = pattern.replace(/^\^/, '').replace(/(?<!\\)\$$/, '');
  if (/(?<!\\)[$^]/.test(body.replace(/\[[^\]]*\]/g, ''))) return null;
  return `^(${scheme}(?:${body})${afterHost})$`;
}

/** The whole URL, for redirect rules whose condition is a set of domains. */
export const wholeUrlRegex = '^(.*)$';
