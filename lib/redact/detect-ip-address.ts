// IPv4 and IPv6 addresses, parsed properly rather than matched by shape.
import { isWordCharCode } from './detection';
import { standsAlone, type Scan } from './scan';

// From the start of a run of digits not glued to a word, version or range (checked by the caller).
const ipv4Candidate = /\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}(?![\w]|\.\d)/y;

function isHex(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 70) || (code >= 97 && code <= 102);
}

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

// A broadcast address or mask ("brd 10.20.255.255", "Bcast:", "netmask") belongs to a network, not a host.
const broadcastContext = /\b(?:brd|broadcast|bcast|netmask|mask)[\s:=]*$/i;

/** Octets 0-255 without leading zeros (which some parsers read as octal). */
export function parseIpv4(value: string): number[] | undefined {
  const octets: number[] = [];
  let n = 0;
  let length = 0;
  for (let i = 0; i <= value.length; i++) {
    const code = i < value.length ? value.charCodeAt(i) : 46;
    if (code >= 48 && code <= 57) {
      // A leading zero ("01") is read as octal by some parsers: not a plain address.
      if (length === 1 && n === 0) return undefined;
      n = n * 10 + code - 48;
      if (++length > 3 || n > 255) return undefined;
    } else if (code === 46 && length > 0 && octets.length < 4) {
      octets.push(n);
      n = 0;
      length = 0;
    } else {
      return undefined;
    }
  }
  return octets.length === 4 ? octets : undefined;
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

function colonCount(value: string): number {
  let n = 0;
  for (let i = value.indexOf(':'); i !== -1; i = value.indexOf(':', i + 1)) n++;
  return n;
}

// Loopback, "this host" and netmasks (127.x, 0.x, 255.x) never identify anyone; flagging them in logs is noise.
function isUninteresting(octets: number[]): boolean {
  return octets[0] === 127 || octets[0] === 0 || octets[0] === 255;
}

/** A prefix length ("/16") at `at`: its value and the characters it takes, if valid for `maxBits`. */
function prefixLengthAt(
  text: string,
  at: number,
  maxBits: number,
): { bits: number; length: number } | undefined {
  const m = /^\/(\d{1,3})(?![\w.])/.exec(text.slice(at, at + 5));
  if (!m) return undefined;
  const bits = Number(m[1]);
  return bits <= maxBits ? { bits, length: m[0].length } : undefined;
}

function hostBitsZero(octets: number[], bits: number): boolean {
  const address = ((octets[0]! << 24) | (octets[1]! << 16) | (octets[2]! << 8) | octets[3]!) >>> 0;
  const hostMask = bits === 0 ? 0xffffffff : (2 ** (32 - bits) - 1) >>> 0;
  return (address & hostMask) >>> 0 === 0;
}

/**
 * Whether a short IPv6 address ("fe80::2") starts with an allocated unicast prefix: link-local fe80::/10,
 * unique local fc00::/7 or global 2000::/3. Shorter forms elsewhere are C++ scopes, labels or times.
 */
function allocatedUnicastPrefix(value: string): boolean {
  return /^(?:fe[89ab][0-9a-f]|f[cd][0-9a-f]{2}|[23][0-9a-f]{3}):/i.test(value);
}

/** IPv4 addresses in the scan's current numeric chunk. */
export function detectIpv4InChunk(scan: Scan): void {
  if (scan.chunkDots < 3) return;
  const { text, runStarts, runEnds } = scan;
  for (let r = 0; r < scan.runCount; r++) {
    const at = runStarts[r]!;
    // One to three digits and a dot.
    if (at < scan.ipv4Next || runEnds[r]! - at > 3 || text.charCodeAt(runEnds[r]!) !== 46) continue;
    ipv4Candidate.lastIndex = at;
    const m = standsAlone(text, at, false) ? ipv4Candidate.exec(text) : null;
    if (!m) continue;
    const matchEnd = at + m[0].length;
    scan.ipv4Next = matchEnd;
    const octets = parseIpv4(m[0]);
    if (!octets || isUninteresting(octets)) continue;
    // With a prefix length: a host address ("inet 10.20.30.40/16") keeps its suffix; a network
    // ("10.0.0.0/16", no host bits set) names no one.
    const prefix = prefixLengthAt(text, matchEnd, 32);
    if (prefix !== undefined && prefix.bits < 32 && hostBitsZero(octets, prefix.bits)) continue;
    const before = text.slice(Math.max(0, at - 30), at);
    if (versionContext.test(before) || broadcastContext.test(before)) continue;
    scan.push('IP_ADDRESS', at, matchEnd + (prefix?.length ?? 0));
  }
}

/**
 * An IPv6 address around the colon at `colon`. Every IPv6 address has two colons at most four hex digits
 * apart, and they are rare elsewhere; the candidate is then grown to the whole run of hex digits, colons
 * and dots around them.
 */
export function detectIpv6At(scan: Scan, colon: number): void {
  if (colon < scan.ipv6Next) return;
  const text = scan.text;
  let anchorEnd = colon + 1;
  while (anchorEnd < colon + 5 && isHex(text.charCodeAt(anchorEnd))) anchorEnd++;
  if (text.charCodeAt(anchorEnd) !== 58) return;
  let start = colon;
  while (start > 0 && isHexColonDot(text.charCodeAt(start - 1))) start--;
  let end = anchorEnd + 1;
  while (end < text.length && isHexColonDot(text.charCodeAt(end))) end++;
  scan.ipv6Next = end;
  while (text[start] === '.') start++;
  while (end > start && text[end - 1] === '.') end--;
  // Zone id ("fe80::1%eth0") belongs to the address.
  if (text[end] === '%') {
    const zone = /^%[\w.]+/.exec(text.slice(end, end + 20));
    if (zone) end += zone[0].length;
  }
  // Glued to a word ("std::", "0x1f::") or part of a longer token: not an address.
  if (isWordCharCode(text.charCodeAt(start - 1)) || isWordCharCode(text.charCodeAt(end))) return;
  const value = text.slice(start, end);
  // Without "::" an address writes all eight groups, so at least six colons: times such as "10:30:00"
  // stop here without being parsed.
  if (!value.includes('::') && colonCount(value) < 6) return;
  const groups = parseIpv6(value);
  // At least three written groups, or two after an allocated prefix: "a::b" is more likely C++ or a label.
  if (groups === undefined || groups < 2 || (groups === 2 && !allocatedUnicastPrefix(value))) return;
  // A prefix length: /48 to /64 is one site or subscriber, and stays with the address; a shorter prefix is
  // a provider's block and names no one.
  const prefix = prefixLengthAt(text, end, 128);
  if (prefix !== undefined && prefix.bits < 48) return;
  scan.push('IP_ADDRESS', start, end + (prefix?.length ?? 0));
}
