// IPv4 and IPv6 addresses, parsed properly rather than matched by shape.
import type { Detection } from './detection';

const ipv4Candidate = /\d(?<![\w.-]\d)\d{0,2}\.\d{1,3}\.\d{1,3}\.\d{1,3}(?![\w]|\.\d)/g;
// Two colons at most four hex digits apart: every IPv6 address has them, and they are rare elsewhere.
// The candidate is then grown to the whole run of hex digits, colons and dots around it.
const ipv6Anchor = /:[0-9A-Fa-f]{0,4}:/g;

function isHexColonDot(code: number): boolean {
  return (
    (code >= 48 && code <= 58) /* 0-9 : */ ||
    (code >= 65 && code <= 70) ||
    (code >= 97 && code <= 102) ||
    code === 46
  );
}
// Four dotted numbers after these words are a software version, not a host.
const versionContext =
  /(?:\b(?:version[ei]?|versión|ver|release|build|firmware|software|java|jdk|sdk|python|node|chrome|firefox|safari|edge|windows|android|ios|macos|kernel|update|upgrade|toolkit|runtime)\b[^\n]{0,24}|\bv\.?\s*|§\s*)$/i;

/** Octets 0-255 without leading zeros (which some parsers read as octal). */
export function parseIpv4(value: string): number[] | undefined {
  const parts = value.split('.');
  if (parts.length !== 4) return undefined;
  const octets: number[] = [];
  for (const part of parts) {
    if (!/^\d{1,3}$/.test(part) || (part.length > 1 && part[0] === '0')) return undefined;
    const n = Number(part);
    if (n > 255) return undefined;
    octets.push(n);
  }
  return octets;
}

/** Number of 16-bit groups written explicitly, or undefined when `value` is not an IPv6 address. */
export function parseIpv6(value: string): number | undefined {
  const address = value.split('%')[0]!;
  const halves = address.split('::');
  if (halves.length > 2) return undefined;
  let groups = 0;
  for (const half of halves) {
    if (half === '') continue;
    const parts = half.split(':');
    for (let i = 0; i < parts.length; i++) {
      const part = parts[i]!;
      if (i === parts.length - 1 && part.includes('.') && half === halves[halves.length - 1]) {
        if (!parseIpv4(part)) return undefined;
        groups += 2;
      } else if (/^[0-9A-Fa-f]{1,4}$/.test(part)) groups++;
      else return undefined;
    }
  }
  if (halves.length === 1 ? groups !== 8 : groups > 7) return undefined;
  return groups;
}

// Loopback, "this host" and netmasks (127.x, 0.x, 255.x) never identify anyone; flagging them in logs is noise.
function isUninteresting(octets: number[]): boolean {
  return octets[0] === 127 || octets[0] === 0 || octets[0] === 255;
}

export function detectIpAddress(text: string): Detection[] {
  const found: Detection[] = [];
  if (text.indexOf('.') !== -1) {
    ipv4Candidate.lastIndex = 0;
    for (let m = ipv4Candidate.exec(text); m; m = ipv4Candidate.exec(text)) {
      const octets = parseIpv4(m[0]);
      if (!octets || isUninteresting(octets)) continue;
      // A CIDR range ("10.0.0.0/16") names a network, not a host.
      if (/^\/\d/.test(text.slice(m.index + m[0].length, m.index + m[0].length + 2))) continue;
      if (versionContext.test(text.slice(Math.max(0, m.index - 30), m.index))) continue;
      found.push({ type: 'IP_ADDRESS', start: m.index, end: m.index + m[0].length });
    }
  }
  if (text.indexOf(':') !== -1) {
    ipv6Anchor.lastIndex = 0;
    for (let m = ipv6Anchor.exec(text); m; m = ipv6Anchor.exec(text)) {
      let start = m.index;
      while (start > 0 && isHexColonDot(text.charCodeAt(start - 1))) start--;
      let end = m.index + m[0].length;
      while (end < text.length && isHexColonDot(text.charCodeAt(end))) end++;
      ipv6Anchor.lastIndex = end;
      while (text[start] === '.') start++;
      while (end > start && text[end - 1] === '.') end--;
      // Zone id ("fe80::1%eth0") belongs to the address.
      if (text[end] === '%') {
        const zone = /^%[\w.]+/.exec(text.slice(end, end + 20));
        if (zone) end += zone[0].length;
      }
      // Glued to a word ("std::", "0x1f::") or part of a longer token: not an address.
      if (start > 0 && /[\w]/.test(text[start - 1]!)) continue;
      if (end < text.length && /[\w]/.test(text[end]!)) continue;
      const groups = parseIpv6(text.slice(start, end));
      // At least three written groups: "a::b" is more likely C++ or a label than an address.
      if (groups === undefined || groups < 3) continue;
      found.push({ type: 'IP_ADDRESS', start, end });
    }
  }
  return found;
}
