// How long turning a policy into DNR rules takes (it runs on every policy change in the service worker),
// next to the peer it must agree with: compiling the same policy for decide(). The 100,000-host row is the
// stress case of issue 13 (it overflowed the stack before); the static ruleset is the build's default.
import { shippedCatalog } from '../lib/catalog/shipped-catalog';
import { compileDnrRules } from '../lib/policy/compile-dnr-rules';
import { compilePolicy } from '../lib/policy/compile-policy';
import { defaultPolicy } from '../lib/policy/default-policy';
import { chromeDnrLimits } from '../lib/policy/dnr-rule';
import { policySchema, type Policy } from '../lib/policy/policy-schema';

const target = {
  browser: 'chromium' as const,
  blockPageUrl: 'chrome-extension://id/blocked.html',
  warnPageUrl: 'chrome-extension://id/warn.html',
  limits: chromeDnrLimits,
};

/** Best of `runs` (after one warm-up): the machine is shared, so the minimum is the steadiest figure. */
function time(runs: number, fn: () => unknown): number {
  fn();
  let best = Number.POSITIVE_INFINITY;
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    fn();
    best = Math.min(best, performance.now() - start);
  }
  return best;
}

function hostsPolicy(count: number): () => Policy {
  const hosts = Array.from({ length: count }, (_, i) => `host${i}.example${i % 7}.test`);
  const input = { name: 'big', version: '1', rules: [{ id: 'many', match: { hosts }, action: 'block' }] };
  // A fresh object each time: compilePolicy caches per policy object, and the worker compiles a new one.
  return () => policySchema.parse(input);
}

export async function runCompileDnrBench(): Promise<void> {
  const catalog = shippedCatalog();
  const policies: [string, () => Policy, number][] = [
    ['default policy', () => policySchema.parse(defaultPolicy()), 10],
    ['10,000 policy hosts', hostsPolicy(10_000), 5],
    ['100,000 policy hosts', hostsPolicy(100_000), 3],
  ];
  const rows = policies.map(([name, make, runs]) => {
    const policy = make();
    const peer = time(runs, () => compilePolicy(make(), catalog));
    const dnr = time(runs, () => compileDnrRules(compilePolicy(make(), catalog), target));
    const result = compileDnrRules(compilePolicy(policy, catalog), target);
    return {
      policy: name,
      'compilePolicy (decide) ms': peer.toFixed(1),
      'compilePolicy + compileDnrRules ms': dnr.toFixed(1),
      ratio: (dnr / peer).toFixed(1),
      rules: result.counts.rules,
      ok: result.ok,
    };
  });
  console.log('compile-dnr: policy → declarativeNetRequest rules (best of several runs)');
  console.table(rows);
}

if (import.meta.url === `file://${process.argv[1]}`) await runCompileDnrBench();
