// Parses a request URL the way the browser does (WHATWG URL) and normalises what matching needs.
export type RequestScheme = 'http' | 'https' | 'ws' | 'wss';

export interface RequestTarget {
  scheme: RequestScheme;
  /** Lower-case, IDNA-mapped host without trailing dots; IPv6 hosts keep their brackets. */
  host: string;
  /** Path and query, lower-cased, with percent-encoded unreserved characters decoded (for prefix rules). */
  readonly path: string;
}

const schemes: Record<string, RequestScheme> = {
  'http:': 'http',
  'https:': 'https',
  'ws:': 'ws',
  'wss:': 'wss',
};

export function parseRequestUrl(input: string): RequestTarget | null {
  if (typeof input !== 'string' || input.length > 65_536) return null;
  let url: URL;
  try {
    url = new URL(input);
  } catch {
    return null;
  }
  const scheme = schemes[url.protocol];
  if (!scheme) return null;
  const host = normaliseHost(url.hostname);
  if (!host) return null;
  return new ParsedTarget(scheme, host, url);
}

/** Computes the normalised path only when a path rule needs it: most hosts have none. */
class ParsedTarget implements RequestTarget {
  private normalisedPath: string | undefined;
  constructor(
    readonly scheme: RequestScheme,
    readonly host: string,
    private readonly url: URL,
  ) {}
  get path(): string {
    this.normalisedPath ??= normalisePath(this.url.pathname + this.url.search);
    return this.normalisedPath;
  }
  toJSON(): { scheme: RequestScheme; host: string; path: string } {
    return { scheme: this.scheme, host: this.host, path: this.path };
  }
}

/** The host as matching sees it: lower case, trailing dots removed (the URL parser already did IDNA). */
export function normaliseHost(hostname: string): string {
  let end = hostname.length;
  while (end > 0 && hostname.charCodeAt(end - 1) === 46 /* . */) end--;
  return hostname.slice(0, end).toLowerCase();
}

const unreservedEscape = /%(2[dDeE]|3[0-9]|[46][1-9a-fA-F]|[57][0-9aA]|5[fF]|7[eE])/g;

/** Decodes %-escapes of unreserved characters ("%63opilot" is "copilot" to the server) and lower-cases. */
export function normalisePath(path: string): string {
  const decoded = path.includes('%')
    ? path.replace(unreservedEscape, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)))
    : path;
  return decoded.toLowerCase();
}
