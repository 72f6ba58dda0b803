// The match patterns the paste-guard content script is registered for, from the merged catalog and policy.
import type { CompiledPolicy } from '../policy/compile-policy';
import { guardForPage } from './guard-for-page';

interface Candidate {
  /** Registrable part the pattern is built on: "chatgpt.com", "openai.azure.com". */
  host: string;
  /** A URL on that host that decide() recognises as the service. */
  probe: string;
}

/**
 * Chrome match patterns (`*://*.host/*`, which also matches `host` itself) for every catalog or rule
 * host whose service the policy lets users reach. Entries a match pattern cannot express exactly are
 * widened and narrowed again in the content script, which asks the background for `decide()` on load:
 * - URL patterns ("github.com/copilot") register the whole host ("*://*.github.com/*");
 * - "-aiplatform.googleapis.com" style suffixes register the parent ("*://*.googleapis.com/*");
 * - host regexes (catalog `hostPatterns`) cannot be expressed and get no guard; today only API
 *   endpoints (AWS Bedrock) use them, where nobody pastes.
 */
export function guardMatchPatterns(compiled: CompiledPolicy): string[] {
  const guarded = new Set<string>();
  for (const candidate of candidates(compiled)) {
    if (guarded.has(candidate.host)) continue;
    if (guardForPage(candidate.probe, compiled).guarded) guarded.add(candidate.host);
  }
  // "*.perplexity.ai" already covers "www.perplexity.ai".
  const kept = [...guarded].filter((host) => !hasGuardedParent(host, guarded));
  return kept.map(matchPatternFor).sort();
}

function* candidates(compiled: CompiledPolicy): Generator<Candidate> {
  for (const service of compiled.catalog) {
    for (const host of [...service.domains, ...service.hosts]) yield { host, probe: `https://${host}/` };
    for (const suffix of service.hostSuffixes) {
      // ".openai.azure.com" → any subdomain; "-aiplatform.googleapis.com" → "x-aiplatform.googleapis.com".
      const host = suffix.startsWith('.') ? suffix.slice(1) : suffix.slice(suffix.indexOf('.') + 1);
      yield { host, probe: `https://gatehouse-probe${suffix}/` };
    }
    for (const pattern of service.urlPatterns) {
      const slash = pattern.indexOf('/');
      const wildcard = pattern.startsWith('*.');
      const host = pattern.slice(wildcard ? 2 : 0, slash);
      yield { host, probe: `https://${wildcard ? 'www.' : ''}${host}${pattern.slice(slash)}` };
    }
  }
  for (const host of compiled.ruleHosts.keys()) yield { host, probe: `https://${host}/` };
}

function hasGuardedParent(host: string, guarded: Set<string>): boolean {
  if (isIpAddress(host)) return false;
  for (let dot = host.indexOf('.'); dot >= 0; dot = host.indexOf('.', dot + 1)) {
    if (guarded.has(host.slice(dot + 1))) return true;
  }
  return false;
}

function matchPatternFor(host: string): string {
  // An IP address has no subdomains, and "*.10.0.0.1" is not a valid pattern.
  return isIpAddress(host) ? `*://${host}/*` : `*://*.${host}/*`;
}

function isIpAddress(host: string): boolean {
  return /^\d+\.\d+\.\d+\.\d+$/.test(host);
}
