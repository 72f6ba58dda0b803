// Finds the catalog service for a host and path by walking host labels, never scanning the catalog.
import { RE2JS } from 're2js';
import type { Catalog, Service } from './schema';

export type MatchKind = 'url-pattern' | 'host' | 'host-suffix' | 'host-pattern';

export interface ServiceMatch {
  service: Service;
  kind: MatchKind;
  /** The catalog entry that matched, e.g. "deepseek.com" or "github.com/copilot". */
  pattern: string;
}

interface PathEntry {
  prefix: string;
  subdomainsOnly: boolean;
  service: Service;
  pattern: string;
}
interface SuffixEntry {
  suffix: string;
  service: Service;
}
interface PatternEntry {
  regex: RE2JS;
  service: Service;
  pattern: string;
}

export class HostIndex {
  private readonly hosts = new Map<string, { service: Service; pattern: string }>();
  private readonly suffixes = new Map<string, SuffixEntry[]>();
  private readonly paths = new Map<string, PathEntry[]>();
  private readonly patterns: PatternEntry[] = [];
  readonly services = new Map<string, Service>();

  constructor(catalog: Catalog) {
    for (const service of catalog) {
      this.services.set(service.id, service);
      for (const host of [...service.domains, ...service.hosts])
        this.hosts.set(host, { service, pattern: host });
      for (const suffix of service.hostSuffixes) {
        // ".openai.azure.com" is keyed on "openai.azure.com"; "-aiplatform.googleapis.com" on "googleapis.com".
        const key = suffix.startsWith('.') ? suffix.slice(1) : suffix.slice(suffix.indexOf('.') + 1);
        pushTo(this.suffixes, key, { suffix, service });
      }
      for (const pattern of service.urlPatterns) {
        const slash = pattern.indexOf('/');
        const wildcard = pattern.startsWith('*.');
        const host = pattern.slice(wildcard ? 2 : 0, slash);
        const prefix = pattern.slice(slash).toLowerCase();
        pushTo(this.paths, host, { prefix, subdomainsOnly: wildcard, service, pattern });
      }
      for (const pattern of service.hostPatterns) {
        this.patterns.push({ regex: RE2JS.compile(pattern), service, pattern });
      }
    }
    // Longer prefixes first, so "github.com/copilot/x" would beat "github.com/copilot".
    for (const list of this.paths.values()) list.sort((a, b) => b.prefix.length - a.prefix.length);
  }

  /**
   * Order: a URL-pattern hit beats a host hit; otherwise the longest domains/hosts entry,
   * then host suffixes, then host patterns (see the catalog README).
   */
  lookup(host: string, path: string): ServiceMatch | null {
    let hostHit: ServiceMatch | null = null;
    let suffixHit: ServiceMatch | null = null;
    let start = 0;
    while (start >= 0) {
      const key = start === 0 ? host : host.slice(start);
      const isSubdomain = start > 0;
      const pathList = this.paths.get(key);
      if (pathList) {
        for (const entry of pathList) {
          if (entry.subdomainsOnly && !isSubdomain) continue;
          if (pathHasPrefix(path, entry.prefix)) {
            return { service: entry.service, kind: 'url-pattern', pattern: entry.pattern };
          }
        }
      }
      if (!hostHit) {
        const exact = this.hosts.get(key);
        if (exact) hostHit = { service: exact.service, kind: 'host', pattern: exact.pattern };
      }
      if (!hostHit && !suffixHit && isSubdomain) {
        const suffixList = this.suffixes.get(key);
        if (suffixList) {
          for (const entry of suffixList) {
            if (host.endsWith(entry.suffix)) {
              suffixHit = { service: entry.service, kind: 'host-suffix', pattern: entry.suffix };
              break;
            }
          }
        }
      }
      const dot = host.indexOf('.', start);
      start = dot < 0 ? -1 : dot + 1;
    }
    if (hostHit || suffixHit) return hostHit ?? suffixHit;
    for (const entry of this.patterns) {
      if (entry.regex.matches(host))
        return { service: entry.service, kind: 'host-pattern', pattern: entry.pattern };
    }
    return null;
  }
}

/** "/copilot" matches "/copilot", "/copilot/x", "/copilot?q" but not "/copilotx" (catalog README). */
export function pathHasPrefix(path: string, prefix: string): boolean {
  if (!path.startsWith(prefix)) return false;
  if (path.length === prefix.length) return true;
  const next = path.charCodeAt(prefix.length);
  const last = prefix.charCodeAt(prefix.length - 1);
  // A prefix that already ends at a separator ("/chat/") needs nothing more.
  if (last === 47 || last === 63 || last === 38) return true;
  return next === 47 /* / */ || next === 63 /* ? */ || next === 35 /* # */ || next === 38; /* & */
}

function pushTo<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
