// RE2 regexFilters for catalog entries DNR domains cannot express: each captures the whole URL as \1.
// Chrome refuses a regex whose compiled program exceeds 2 KB (isRegexSupported: memoryLimitExceeded), so
// each names one spelling of one host: `direct`, or `translate-proxy` (one label of translate.goog, see
// lib/url/translate-proxy); tests/e2e/dnr-regex-support.spec.ts asks Chromium about every one.
const scheme = '[a-z][a-z0-9+.-]*://(?:[^/?#@]*@)?';
// Port and path after the host; a trailing dot on the host is the same host to the browser.
const port = '\\.?(?::[0-9]+)?';
const afterHost = `${port}(?:[/?#].*)?`;
const proxyDomain = '\\.translate\\.goog';

export type HostSpelling = 'direct' | 'translate-proxy';

export function escapeRegex(text: string): string {
  return text.replace(/[\\^$.*+?()[\]{}|]/g, (c) => `\\${c}`);
}

/** As the proxy spells a host or suffix: "-" for ".", "--" for "-". */
function proxyLabel(text: string): string {
  return escapeRegex(text.replaceAll('-', '--').replaceAll('.', '-'));
}

/**
 * The host and (with `subdomains`) any host below it. Through the proxy a host below is more labels in front
 * (a.chat-x-com) or more of the label (a-chat-x-com); either way the host's spelling follows a letter or
 * digit and one "." or "-" (after "--", a hyphen, it would be another host).
 */
function hostPart(host: string, subdomains: 'also' | 'only', spelling: HostSpelling): string {
  const [name, below] =
    spelling === 'direct'
      ? [escapeRegex(host), '[^/?#@:]*\\.']
      : [`${proxyLabel(host)}${proxyDomain}`, '[^/?#@:]*[a-z0-9][.-]'];
  return subdomains === 'also' ? `(?:${below})?${name}` : `${below}${name}`;
}

/** Hosts ending with a catalog host suffix (".openai.azure.com", "-aiplatform.googleapis.com"). */
export function suffixRegex(suffix: string, spelling: HostSpelling = 'direct'): string {
  const host =
    spelling === 'direct'
      ? `[^/?#@:]*${escapeRegex(suffix)}`
      : `[^/?#@:]*[a-z0-9]${proxyLabel(suffix)}${proxyDomain}`;
  return `^(${scheme}${host}${afterHost})$`;
}

/** A catalog URL pattern "host/prefix" (or "*.host/prefix" for subdomains only). */
export function urlPatternRegex(
  host: string,
  prefix: string,
  subdomainsOnly: boolean,
  spelling: HostSpelling = 'direct',
): string {
  const last = prefix.at(-1);
  // Mirrors pathHasPrefix: the prefix must end at "/", "?", "#", "&" or the end of the URL.
  const tail = last === '/' || last === '?' || last === '&' ? '.*' : '(?:[/?#&].*)?';
  const where = hostPart(host, subdomainsOnly ? 'only' : 'also', spelling);
  return `^(${scheme}${where}${port}${escapeRegex(prefix)}${tail})$`;
}

/** Any URL on the host whose path holds a %-escaped unreserved character (see encodedPathCells). */
export function encodedPathRegex(
  host: string,
  subdomainsOnly: boolean,
  spelling: HostSpelling = 'direct',
): string {
  const where = hostPart(host, subdomainsOnly ? 'only' : 'also', spelling);
  const unreservedEscape = '%(?:2[dDeE]|3[0-9]|[46][1-9a-fA-F]|[57][0-9aA]|5[fF]|7[eE])';
  return `^(${scheme}${where}${port}/[^?#]*${unreservedEscape}.*)$`;
}

/** A catalog host pattern (a full-match RE2 on the host). Null when it cannot be embedded safely. */
export function hostPatternRegex(pattern: string): string | null {
  const body = pattern.replace(/^\^/, '').replace(/(?<!\\)\$$/, '');
  if (/(?<!\\)[$^]/.test(body.replace(/\[[^\]]*\]/g, ''))) return null;
  return `^(${scheme}(?:${body})${afterHost})$`;
}

/**
 * Text every host the pattern matches ends with ("…\\.amazonaws\\.com$" gives ".amazonaws.com"), or null
 * when the pattern does not say (an alternative at the top level, or no literal at the end).
 */
export function hostPatternSuffix(pattern: string): string | null {
  let depth = 0;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\') i++;
    // A class ends at the first "]" after its first member ("[]a]" and "[^]a]" hold a "]").
    else if (c === '[') i = pattern.indexOf(']', i + (pattern[i + 1] === '^' ? 3 : 2));
    else if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === '|' && depth === 0) return null;
    if (i < 0) return null;
  }
  let suffix = '';
  let end = pattern.endsWith('$') && !pattern.endsWith('\\$') ? pattern.length - 1 : pattern.length;
  for (;;) {
    const c = pattern[end - 1];
    const escaped = pattern[end - 2] === '\\';
    if (escaped && (c === '.' || c === '-')) {
      suffix = c + suffix;
      end -= 2;
    } else if (!escaped && c !== undefined && /[a-z0-9-]/.test(c)) {
      suffix = c + suffix;
      end -= 1;
    } else return suffix || null;
  }
}

/** The whole URL, for redirect rules whose condition is a set of domains. */
export const wholeUrlRegex = '^(.*)$';
