// How long turning a policy into DNR rules takes (it runs on every policy change in the service worker),
// next to the peer it must agree with: compiling the same policy for decide().
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

function time(runs: number, fn: () => unknown): number {
  fn();
  const start = performance.now();
  for (let i = 0; i < runs; i++) fn();
  return (performance.now() - start) / runs;
}

export async function runCompileDnrBench(): Promise<void> {
  const catalog = shippedCatalog();
  const hosts = Array.from({ length: 10_000 }, (_, i) => `host${i}.example${i % 7}.test`);
  const policies: [string, () => Policy][] = [
    ['default policy', () => policySchema.parse(defaultPolicy())],
    [
      '10,000 policy hosts',
      () =>
        policySchema.parse({
          name: 'big',
          version: '1',
          rules: [{ id: 'many', match: { hosts }, action: 'block' }],
        }),
    ],
  ];
  const rows = policies.map(([name, make]) => {
    const peer = time(5, () => compilePolicy(make(), catalog));
    const dnr = time(5, () => compileDnrRules(compilePolicy(make(), catalog), target));
    const rules = compileDnrRules(compilePolicy(make(), catalog), target).rules.length;
    return {
      policy: name,
      'compilePolicy (decide) ms': peer.toFixed(1),
      'compileDnrRules ms': dnr.toFixed(1),
      rules,
    };
  });
  console.log('compile-dnr: policy → declarativeNetRequest rules');
  console.table(rows);
}

if (import.meta.url === `file://${process.argv[1]}`) await runCompileDnrBench();
