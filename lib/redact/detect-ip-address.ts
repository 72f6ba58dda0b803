// IPv4 and IPv6 addresses, parsed properly rather than matched by shape.
import type { Detection } from './detection';

const ipv4Candidate = /(?<![\w.])\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}(?![\w]|\.\d)/g;
// Hex groups joined by colons, optionally ending in an embedded IPv4 address and a zone id.
const ipv6Candidate =
  /(?<![\w:.])(?:[0-9A-Fa-f]{0,4}:){2,7}(?:[0-9A-Fa-f]{1,4}|\d{1,3}(?:\.\d{1,3}){3})?(?:%[\w.]+)?(?![\w:])/g;
// Four dotted numbers after these words are a software version, not a host.
const versionContext = /(?:version|ver\.?|v|release|build|firmware|chrome|firefox|safari|edge|os)[\s/:=]*$/i;

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

// Loopback, "any" and netmasks say nothing about a person; flagging them would only add noise to logs.
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
      if (versionContext.test(text.slice(Math.max(0, m.index - 12), m.index))) continue;
      found.push({ type: 'IP_ADDRESS', start: m.index, end: m.index + m[0].length });
    }
  }
  if (text.indexOf(':') !== -1) {
    ipv6Candidate.lastIndex = 0;
    for (let m = ipv6Candidate.exec(text); m; m = ipv6Candidate.exec(text)) {
      const groups = parseIpv6(m[0]);
      // At least three written groups: "a::b" is more likely C++ or a label than an address.
      if (groups === undefined || groups < 3) continue;
      found.push({ type: 'IP_ADDRESS', start: m.index, end: m.index + m[0].length });
    }
  }
  return found;
}
