// Decisions per second: the label-walking index against a naive linear scan of the same catalog.
import { pathHasPrefix } from '../lib/catalog/host-index';
import { catalogSchema, type Catalog, type Service } from '../lib/catalog/catalog-schema';
import { shippedCatalog } from '../lib/catalog/shipped-catalog';
import { compilePolicy } from '../lib/policy/compile-policy';
import { decideCompiled } from '../lib/policy/decide';
import { defaultPolicy } from '../lib/policy/default-policy';
import { parseRequestUrl } from '../lib/url/parse-request-url';
import { formatRate, measureRate, printTable } from './measure';

/** The same semantics as HostIndex.lookup, by checking every service: what the index replaces. */
function linearLookup(catalog: Catalog, host: string, path: string): Service | null {
  let pathHit: { s: Service; len: number } | null = null;
  let hostHit: { s: Service; len: number } | null = null;
  let suffixHit: Service | null = null;
  const under = (h: string, d: string) => h === d || h.endsWith('.' + d);
  for (const s of catalog) {
    for (const p of s.urlPatterns) {
      const slash = p.indexOf('/');
      const wild = p.startsWith('*.');
      const ph = p.slice(wild ? 2 : 0, slash);
      const ok = wild ? host.endsWith('.' + ph) : host === ph;
      if (ok && pathHasPrefix(path, p.slice(slash)) && (!pathHit || ph.length > pathHit.len))
        pathHit = { s, len: ph.length };
    }
    for (const d of s.domains.concat(s.hosts)) {
      if (under(host, d) && (!hostHit || d.length > hostHit.len)) hostHit = { s, len: d.length };
    }
    if (!suffixHit)
      for (const x of s.hostSuffixes) if (host.endsWith(x) && host.length > x.length) suffixHit = s;
  }
  return pathHit?.s ?? hostHit?.s ?? suffixHit;
}

function urlMix(catalog: Catalog, count: number): string[] {
  const urls: string[] = [];
  const hosts = catalog.flatMap((s) => [...s.domains, ...s.hosts]);
  const patterns = catalog.flatMap((s) => s.urlPatterns.filter((p) => !p.startsWith('*')));
  for (let i = 0; urls.length < count; i++) {
    const h = hosts[i % hosts.length]!;
    // Half AI traffic (with subdomain and path variety), half ordinary sites.
    if (i % 2 === 0) urls.push(i % 4 === 0 ? `https://${h}/c/${i}` : `https://edge${i % 7}.${h}/api?q=${i}`);
    else if (i % 10 === 1 && patterns.length) urls.push(`https://${patterns[i % patterns.length]}/x`);
    else urls.push(`https://www.site${i % 997}.example.org/news/${i}`);
  }
  return urls;
}

export function syntheticCatalog(size: number): Catalog {
  const services = [];
  for (let i = 0; i < size; i++) {
    services.push({
      id: `svc-${i}`,
      name: `Service ${i}`,
      operator: `Operator ${i}`,
      operatorCountry: i % 3 ? 'US' : 'CN',
      parentCountry: i % 3 ? 'US' : 'CN',
      jurisdiction: i % 5 ? 'US' : 'CN',
      confidence: 'medium',
      category: 'chat',
      domains: [`svc${i}-ai.example`],
      hosts: [`chat.svc${i}.example.net`, `api.svc${i}.example.net`],
      hostSuffixes: i % 50 === 0 ? [`.svc${i}.cloud.example`] : [],
      urlPatterns: i % 40 === 0 ? [`portal${i % 400}.example.com/ai${i}`] : [],
    });
  }
  return catalogSchema.parse(services);
}

function run(label: string, catalog: Catalog) {
  const policy = defaultPolicy();
  const compiled = compilePolicy(policy, catalog);
  const urls = urlMix(catalog, 20_000);
  let sink = 0;
  const indexed = measureRate(urls.length, () => {
    for (const u of urls) if (decideCompiled(u, compiled).action !== 'none') sink++;
  });
  // Only the lookup differs: parse + linear scan, on a subset so large catalogs finish.
  const sample = urls.slice(0, catalog.length > 1000 ? 500 : urls.length);
  const linear = measureRate(
    sample.length,
    () => {
      for (const u of sample) {
        const t = parseRequestUrl(u);
        if (t && linearLookup(catalog, t.host, t.path)) sink++;
      }
    },
    3,
    100,
  );
  // The two must agree before their speeds mean anything.
  for (const u of sample) {
    const t = parseRequestUrl(u)!;
    const a = compiled.index.lookup(t.host, t.path)?.service.id ?? null;
    const b = linearLookup(catalog, t.host, t.path)?.id ?? null;
    if (a !== b) throw new Error(`index and linear scan disagree on ${u}: ${a} vs ${b}`);
  }
  return { label, services: catalog.length, indexed, linear, sink };
}

export async function runDecideBench(): Promise<void> {
  const shipped = run('shipped catalog', shippedCatalog());
  const synthetic = run('synthetic catalog', syntheticCatalog(10_000));
  printTable(
    'decide(): full decisions per second (URL parse + lookup + rules), same URL mix style',
    ['catalog', 'services', 'indexed decide', 'ns/decision', 'linear scan', 'speed-up'],
    [shipped, synthetic].map((r) => [
      r.label,
      r.services,
      formatRate(r.indexed.perSecond),
      r.indexed.nsPerOp.toFixed(0),
      formatRate(r.linear.perSecond),
      `${(r.indexed.perSecond / r.linear.perSecond).toFixed(1)}x`,
    ]),
  );
  const ratio = shipped.indexed.perSecond / synthetic.indexed.perSecond;
  console.log(
    `\nshipped ÷ 10,000-service throughput: ${ratio.toFixed(2)} (target ≤ 2); shipped target ≥ 1.00 M/s: ${
      shipped.indexed.perSecond >= 1e6 ? 'met' : 'NOT met'
    }`,
  );
}
