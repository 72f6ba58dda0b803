// Which forwarding endpoints are acceptable: https anywhere, plain http only to this machine (tests, local collectors).
export type EndpointCheck = { ok: true; url: URL; loopback: boolean } | { ok: false; error: string };

export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase();
  if (host === 'localhost' || host.endsWith('.localhost')) return true;
  if (host === '[::1]') return true;
  // WHATWG URL has already normalised IPv4 forms (127.1, 0x7f.1, …) to dotted quads.
  return /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

export function checkEndpointUrl(value: string): EndpointCheck {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return {
      ok: false,
      error: `"${value}" is not an absolute URL such as https://collector.example/v1/logs`,
    };
  }
  if (url.username || url.password) {
    return { ok: false, error: 'put credentials in forwarding.headers, not in the endpoint URL' };
  }
  const loopback = isLoopbackHost(url.hostname);
  if (url.protocol === 'https:') return { ok: true, url, loopback };
  if (url.protocol === 'http:' && loopback) return { ok: true, url, loopback };
  if (url.protocol === 'http:') {
    return {
      ok: false,
      error: 'the endpoint must use https (plain http is allowed only for 127.0.0.0/8, [::1], localhost)',
    };
  }
  return { ok: false, error: `the endpoint must be an https URL, not ${url.protocol}` };
}

/** The host-permission match pattern the endpoint needs (optional_host_permissions / <all_urls>). */
export function endpointOriginPattern(url: URL): string {
  return `${url.protocol}//${url.hostname}/*`;
}
