// Finds the catalog service for a host and path by walking host labels, never scanning the catalog.
import { RE2JS } from 're2js';
import type { Catalog, Service } from './catalog-schema';

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
  /** Compiled on first use: building the index (the worker's start) never waits for RE2. */
  regex?: RE2JS;
  service: Service;
  pattern: string;
}

/** Everything the index knows about one host key: one hash lookup per label level. */
interface HostNode {
  host?: { service: Service; pattern: string };
  suffixes?: SuffixEntry[];
  paths?: PathEntry[];
}

export class HostIndex {
  private readonly nodes = new Map<string, HostNode>();
  private readonly patterns: PatternEntry[] = [];
  readonly services = new Map<string, Service>();

  constructor(catalog: Catalog) {
    for (const service of catalog) {
      this.services.set(service.id, service);
      for (const host of [...service.domains, ...service.hosts])
        this.node(host).host = { service, pattern: host };
      for (const suffix of service.hostSuffixes) {
        // ".openai.azure.com" is keyed on "openai.azure.com"; "-aiplatform.googleapis.com" on "googleapis.com".
        const key = suffix.startsWith('.') ? suffix.slice(1) : suffix.slice(suffix.indexOf('.') + 1);
        (this.node(key).suffixes ??= []).push({ suffix, service });
      }
      for (const pattern of service.urlPatterns) {
        const slash = pattern.indexOf('/');
        const wildcard = pattern.startsWith('*.');
        const host = pattern.slice(wildcard ? 2 : 0, slash);
        const prefix = pattern.slice(slash).toLowerCase();
        (this.node(host).paths ??= []).push({ prefix, subdomainsOnly: wildcard, service, pattern });
      }
      for (const pattern of service.hostPatterns) {
        this.patterns.push({ service, pattern });
      }
    }
    // Longer prefixes first, so "github.com/copilot/x" would beat "github.com/copilot".
    for (const node of this.nodes.values()) node.paths?.sort((a, b) => b.prefix.length - a.prefix.length);
  }

  private node(key: string): HostNode {
    let node = this.nodes.get(key);
    if (!node) {
      node = {};
      this.nodes.set(key, node);
    }
    return node;
  }

  /**
   * Order: a URL-pattern hit beats a host hit; otherwise the longest domains/hosts entry,
   * then host suffixes, then host patterns (see the catalog README). `path` is read only
   * when a URL pattern exists for the host.
   */
  lookup(host: string, path: string | { readonly path: string }): ServiceMatch | null {
    let hostHit: ServiceMatch | null = null;
    let suffixHit: ServiceMatch | null = null;
    let start = 0;
    while (start >= 0) {
      const node = this.nodes.get(start === 0 ? host : host.slice(start));
      if (node) {
        const isSubdomain = start > 0;
        if (node.paths) {
          const p = typeof path === 'string' ? path : path.path;
          for (const entry of node.paths) {
            if (entry.subdomainsOnly && !isSubdomain) continue;
            if (pathHasPrefix(p, entry.prefix)) {
              return { service: entry.service, kind: 'url-pattern', pattern: entry.pattern };
            }
          }
        }
        if (!hostHit && node.host)
          hostHit = { service: node.host.service, kind: 'host', pattern: node.host.pattern };
        if (!hostHit && !suffixHit && isSubdomain && node.suffixes) {
          for (const entry of node.suffixes) {
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
      entry.regex ??= RE2JS.compile(entry.pattern);
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
