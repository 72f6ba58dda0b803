// Google Translate's website proxy serves any site under one label of translate.goog: chat.deepseek.com is
// chat-deepseek-com.translate.goog (dots become "-", hyphens "--"). Matching decides such hosts like the host they proxy.
const proxySuffix = '.translate.goog';
const maxLabel = 63;

/**
 * The host a translate.goog host proxies, or null when it is not a proxy spelling. Labels in front of the
 * encoded one stay subdomains ("a.chat-deepseek-com.translate.goog" is "a.chat.deepseek.com"), so the
 * browser's domain matching (which includes subdomains) and this agree.
 */
export function translateProxyTarget(host: string): string | null {
  if (!host.endsWith(proxySuffix)) return null;
  const rest = host.slice(0, -proxySuffix.length);
  const dot = rest.lastIndexOf('.');
  const decoded = decodeLabel(rest.slice(dot + 1));
  return decoded === null ? null : rest.slice(0, dot + 1) + decoded;
}

/** The translate.goog spelling of a host, or null where Google would need another form (labels over 63). */
export function translateProxyHost(host: string): string | null {
  const label = host.replaceAll('-', '--').replaceAll('.', '-');
  return label.length > maxLabel || !host.includes('.') ? null : label + proxySuffix;
}

/** "-" is a dot and "--" a hyphen; an odd run of three or more, or a hyphen at either end, spells no host. */
function decodeLabel(label: string): string | null {
  let out = '';
  let dots = 0;
  for (let i = 0; i < label.length;) {
    if (label.charCodeAt(i) !== 45 /* - */) {
      out += label[i++];
      continue;
    }
    const start = i;
    while (label.charCodeAt(i) === 45) i++;
    const run = i - start;
    if (run === 1) {
      out += '.';
      dots++;
    } else if (run % 2 === 0) out += '-'.repeat(run / 2);
    else return null;
  }
  // Every label non-empty and without a hyphen at either end ("a-.b" and ".b" are no host names).
  const labels = out.split('.');
  return dots > 0 && labels.every((l) => l.length > 0 && !l.startsWith('-') && !l.endsWith('-')) ? out : null;
}
