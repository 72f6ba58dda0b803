// Splits the URL space into cells, one per (catalog entry, policy host) pair, each with decide()'s verdict.
// A URL lies in several cells; the one with the highest rank is the verdict decide() gives it.
import type { ServiceMatch } from '../catalog/host-index';
import { translateProxyHost } from '../url/translate-proxy';
import type { CompiledPolicy } from './compile-policy';
import { decideMatch, rulesNamingHost, type Decision } from './decide';
import {
  encodedPathRegex,
  hostPatternRegex,
  hostPatternSuffix,
  suffixRegex,
  urlPatternRegex,
  type HostSpelling,
} from './dnr-regex';

export interface DnrCell {
  /** The host (with its subdomains) the cell is limited to; null for any host. */
  domain: string | null;
  /** A further condition on the whole URL (captures it as \1), or null. */
  regex: string | null;
  /** How `regex` spells the host: a `translate-proxy` cell is the twin of a `direct` one. */
  spelling: HostSpelling;
  /** Compared element by element: the higher rank wins where cells overlap. */
  rank: number[];
  decision: Decision;
}

/** A catalog entry that decides which service a URL is, in the order HostIndex.lookup applies them. */
interface Entry {
  rank: [number, number, number];
  anchor: string | null;
  regex: string | null;
  /** The same condition through Google Translate's proxy; null where the entry has no regex or none fits. */
  proxyRegex: string | null;
  /** For entries without an anchor: what every host they match ends with, if known. */
  suffix: string | null;
  match: ServiceMatch | null;
}

const tier = { none: 0, hostPattern: 1, hostSuffix: 2, host: 3, urlPattern: 4 } as const;

export function computeDnrCells(compiled: CompiledPolicy): { cells: DnrCell[]; problems: string[] } {
  const problems: string[] = [];
  const entries = catalogEntries(compiled, problems);
  // Shallow hosts first, so a host's ancestors are emitted before it; the lists below keep this order.
  const ruleHosts = sortedByDepth([...compiled.ruleHosts.keys()]);
  const under = hostsUnder(ruleHosts);
  const cells: DnrCell[] = [];
  for (const entry of entries) {
    const baseHost = entry.anchor ? deepestNamedAncestor(compiled, entry.anchor) : null;
    const baseRules =
      entry.anchor && compiled.ruleHosts.size ? rulesNamingHost(compiled, entry.anchor) : null;
    const base: DnrCell = {
      domain: entry.anchor,
      regex: entry.regex,
      spelling: 'direct',
      rank: [...entry.rank, baseHost ? depth(baseHost) : 0],
      decision: decideMatch(compiled, entry.anchor ?? '*', entry.match, baseRules),
    };
    // A regex names the real host; its twin, the proxy spelling, may be any label of translate.goog.
    const { proxyRegex } = entry;
    const twin = (cell: DnrCell, domain: string | null) => {
      if (domain) cells.push({ ...cell, domain, regex: proxyRegex, spelling: 'translate-proxy' });
    };
    if (entry.match) {
      cells.push(base);
      if (proxyRegex) twin(base, 'translate.goog');
    }
    // Policy hosts below the entry's anchor (or anywhere, for entries without one) may change the verdict.
    const below = entry.anchor
      ? (under.get(entry.anchor) ?? [])
      : ruleHosts.filter((h) => mayOverlap(h, entry.suffix));
    const emitted = new Map<string, DnrCell>();
    for (const host of below) {
      const decision = decideMatch(compiled, host, entry.match, rulesNamingHost(compiled, host));
      const parent = nearestEmitted(emitted, host) ?? base;
      if (sameVerdict(parent.decision, decision)) continue;
      const cell: DnrCell = {
        domain: host,
        regex: entry.regex,
        spelling: 'direct',
        rank: [...entry.rank, depth(host)],
        decision,
      };
      emitted.set(host, cell);
      cells.push(cell);
      if (proxyRegex) twin(cell, translateProxyHost(host));
    }
  }
  return { cells: [...cells, ...encodedPathCells(cells)], problems };
}

/**
 * decide() reads "/product/%61rk" as "/product/ark", but Chromium hands DNR the URL undecoded, and a
 * per-character regex for every spelling exceeds DNR's regex memory limit. So, failing closed: on a host
 * where a path-prefix service is blocked or warned, any path with a %-escaped unreserved character
 * (which browsers never produce themselves) gets that service's verdict. Allowed services get no twin,
 * so an encoded path can never open what a host rule blocks.
 */
function encodedPathCells(cells: DnrCell[]): DnrCell[] {
  const twins: DnrCell[] = [];
  for (const cell of cells) {
    const match = cell.decision.match;
    const stops = cell.decision.action === 'block' || cell.decision.action === 'warn';
    // Through the proxy such a regex exceeds Chrome's memory limit: that spelling gets no twin (a known gap).
    if (!stops || !cell.decision.enforced || match?.kind !== 'url-pattern' || cell.spelling !== 'direct')
      continue;
    const wildcard = match.pattern.startsWith('*.');
    const host = match.pattern.slice(wildcard ? 2 : 0, match.pattern.indexOf('/'));
    twins.push({ ...cell, regex: encodedPathRegex(host, wildcard) });
  }
  return twins;
}

function catalogEntries(compiled: CompiledPolicy, problems: string[]): Entry[] {
  const entries: Entry[] = [
    { rank: [tier.none, 0, 0], anchor: null, regex: null, proxyRegex: null, suffix: null, match: null },
  ];
  let patternIndex = 0;
  for (const service of compiled.catalog) {
    for (const host of [...service.domains, ...service.hosts]) {
      const match: ServiceMatch = { service, kind: 'host', pattern: host };
      entries.push({
        rank: [tier.host, depth(host), 0],
        anchor: host,
        regex: null,
        proxyRegex: null,
        suffix: null,
        match,
      });
    }
    for (const suffix of service.hostSuffixes) {
      const key = suffix.startsWith('.') ? suffix.slice(1) : suffix.slice(suffix.indexOf('.') + 1);
      const match: ServiceMatch = { service, kind: 'host-suffix', pattern: suffix };
      entries.push({
        rank: [tier.hostSuffix, depth(key), suffix.length],
        anchor: key,
        regex: suffixRegex(suffix),
        // The shortest host with the suffix must fit one label of translate.goog.
        proxyRegex: translateProxyHost(`x${suffix}`) ? suffixRegex(suffix, 'translate-proxy') : null,
        suffix: null,
        match,
      });
    }
    for (const pattern of service.urlPatterns) {
      const wildcard = pattern.startsWith('*.');
      const slash = pattern.indexOf('/');
      const host = pattern.slice(wildcard ? 2 : 0, slash);
      const prefix = pattern.slice(slash).toLowerCase();
      const match: ServiceMatch = { service, kind: 'url-pattern', pattern };
      entries.push({
        rank: [tier.urlPattern, depth(host), prefix.length],
        anchor: host,
        regex: urlPatternRegex(host, prefix, wildcard),
        proxyRegex: translateProxyHost(host)
          ? urlPatternRegex(host, prefix, wildcard, 'translate-proxy')
          : null,
        suffix: null,
        match,
      });
    }
    for (const pattern of service.hostPatterns) {
      const regex = hostPatternRegex(pattern);
      // Earlier patterns win in HostIndex.lookup, so they rank higher.
      const rank: Entry['rank'] = [tier.hostPattern, -patternIndex++, 0];
      // A pattern cannot be respelled for the proxy: decide() still reads such a proxy host as the service.
      if (regex)
        entries.push({
          rank,
          anchor: null,
          regex,
          proxyRegex: null,
          suffix: hostPatternSuffix(pattern),
          match: { service, kind: 'host-pattern', pattern },
        });
      else problems.push(`service "${service.id}": host pattern ${pattern} cannot be used in a browser rule`);
    }
  }
  return entries;
}

/** Whether a host or one below it may end with `suffix` (null: may end with anything). */
function mayOverlap(host: string, suffix: string | null): boolean {
  return suffix === null || `.${host}`.endsWith(suffix) || suffix.endsWith(`.${host}`);
}

/** Ancestor host → the policy hosts strictly below it. */
function hostsUnder(hosts: string[]): Map<string, string[]> {
  const under = new Map<string, string[]>();
  for (const host of hosts) {
    for (let dot = host.indexOf('.'); dot >= 0; dot = host.indexOf('.', dot + 1)) {
      const ancestor = host.slice(dot + 1);
      const list = under.get(ancestor);
      if (list) list.push(host);
      else under.set(ancestor, [host]);
    }
  }
  return under;
}

function deepestNamedAncestor(compiled: CompiledPolicy, host: string): string | null {
  for (let start = 0; start >= 0;) {
    const candidate = host.slice(start);
    if (compiled.ruleHosts.has(candidate)) return candidate;
    const dot = host.indexOf('.', start);
    start = dot < 0 ? -1 : dot + 1;
  }
  return null;
}

/** The cell of the closest ancestor emitted for the same entry (only hosts below its anchor are there). */
function nearestEmitted(emitted: Map<string, DnrCell>, host: string): DnrCell | null {
  for (let dot = host.indexOf('.'); dot >= 0; dot = host.indexOf('.', dot + 1)) {
    const cell = emitted.get(host.slice(dot + 1));
    if (cell) return cell;
  }
  return null;
}

/** Cells of one entry all have the entry's service: the same action by the same rule is the same verdict. */
function sameVerdict(a: Decision, b: Decision): boolean {
  return a.action === b.action && a.rule === b.rule;
}

/** Shallow hosts first; depth is computed once per host. */
function sortedByDepth(hosts: string[]): string[] {
  const depths = new Map<string, number>();
  for (const host of hosts) depths.set(host, depth(host));
  return [...hosts].sort((a, b) => depths.get(a)! - depths.get(b)!);
}

function depth(host: string): number {
  let labels = 1;
  for (let i = 0; i < host.length; i++) if (host.charCodeAt(i) === 46) labels++;
  return labels;
}

export function compareRanks(a: number[], b: number[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d) return d;
  }
  return 0;
}
