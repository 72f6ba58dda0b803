// Puts the policy in force: resolve (managed → last valid → default), compile to DNR, install atomically.
import { shippedCatalog } from '../catalog/shipped-catalog';
import type { ActivePolicy } from '../policy/active-policy';
import { compileDnrRules, type DnrTarget } from '../policy/compile-dnr-rules';
import { compilePolicy } from '../policy/compile-policy';
import { defaultPolicy } from '../policy/default-policy';
import type { DnrRule } from '../policy/dnr-rule';
import { blockWithoutInterstitials } from '../policy/dnr-without-host-access';
import { resolvePolicy } from '../policy/resolve-policy';
import type { Policy } from '../policy/policy-schema';
import { dnrLimits, type DnrApi } from '../browser/dnr-api';
import { activePolicyItem, lastValidPolicyItem, managedPolicyItem } from '../browser/storage-items';
import { clearGrants } from './grants';
import { notifyPolicyApplied } from './policy-applied';
import { recordEvent } from './record-event';

export interface PolicyLoaderDeps {
  dnr: DnrApi;
  /** Interstitial URLs and target browser; limits come from the DNR API. */
  target: Omit<DnrTarget, 'limits'>;
  /**
   * Whether the extension may act on every site (checkHostAccess). Without that the browser ignores
   * redirects, so the rules block instead of showing the interstitials. Absent: assumed granted.
   */
  hostAccess?: () => Promise<boolean>;
  now?: () => number;
}

let queue: Promise<unknown> = Promise.resolve();

export interface ApplyOptions {
  /**
   * Leave everything as it is (no rules installed, no event) when the policy that would be put in force,
   * its source and its problems are those already in force: for the periodic re-read of managed storage.
   */
  ifChanged?: boolean;
}

/** Serialised: storage events, install and startup may all ask at once. */
export function applyPolicy(
  deps: PolicyLoaderDeps,
  options: ApplyOptions = {},
): Promise<ActivePolicy | null> {
  const run = queue.then(() => applyPolicyNow(deps, options));
  queue = run.catch(() => undefined);
  return run;
}

async function applyPolicyNow(deps: PolicyLoaderDeps, options: ApplyOptions): Promise<ActivePolicy | null> {
  const managed = await managedPolicyItem.load();
  const resolution = resolvePolicy(
    managed,
    await lastValidPolicyItem.load(),
    defaultPolicy(),
    shippedCatalog(),
  );
  if (options.ifChanged) {
    const current = await activePolicyItem.read();
    if (current && sameResolution(current, resolution)) return current;
  }
  for (const problem of resolution.problems) await policyError(problem);

  let { policy, source } = resolution;
  if (!(await install(deps, policy))) {
    const current = await activePolicyItem.read();
    if (current) return keepCurrent(current);
    // Nothing in force yet: the built-in default, which always fits.
    ({ policy, source } = { policy: defaultPolicy(), source: 'default' as const });
    if (!(await install(deps, policy))) return null;
  }

  const previous = await activePolicyItem.read();
  const active: ActivePolicy = {
    source,
    appliedAt: (deps.now ?? Date.now)(),
    policy,
    problems: resolution.problems,
  };
  if (source === 'managed') await lastValidPolicyItem.write(managed);
  await activePolicyItem.write(active);
  if (previous && JSON.stringify(previous.policy) !== JSON.stringify(active.policy))
    await clearGrants(deps.dnr);
  await recordEvent({
    kind: 'policy_applied',
    policy: { name: active.policy.name, version: active.policy.version, source: active.source },
  });
  for (const error of await notifyPolicyApplied(active))
    await policyError(`a policy listener failed: ${error}`);
  return active;
}

/** Drops (and reports) rules whose regex the browser cannot compile, so the rest still installs. */
async function withoutUnsupportedRegex(dnr: DnrApi, rules: DnrRule[]): Promise<DnrRule[]> {
  if (!dnr.isRegexSupported) return rules;
  const verdicts = new Map<string, Promise<{ isSupported: boolean; reason?: string }>>();
  const kept: DnrRule[] = [];
  for (const rule of rules) {
    const regex = rule.condition.regexFilter;
    if (regex === undefined) {
      kept.push(rule);
      continue;
    }
    if (!verdicts.has(regex)) verdicts.set(regex, dnr.isRegexSupported({ regex }));
    const verdict = await verdicts.get(regex)!;
    if (verdict.isSupported) kept.push(rule);
    else
      await policyError(
        `the browser cannot use the regular expression ${regex} (${verdict.reason ?? 'unsupported'})`,
      );
  }
  return kept;
}

/** Compiles and installs the policy's rules; false (with policy_error events) when it cannot. */
async function install(deps: PolicyLoaderDeps, policy: Policy): Promise<boolean> {
  const compiled = compilePolicy(policy, shippedCatalog());
  const result = compileDnrRules(compiled, { ...deps.target, limits: dnrLimits(deps.dnr) });
  for (const problem of result.problems) await policyError(`policy "${policy.name}": ${problem}`);
  if (!result.ok) return false;
  const supported = await withoutUnsupportedRegex(deps.dnr, result.rules);
  const rules = (await (deps.hostAccess?.() ?? true)) ? supported : blockWithoutInterstitials(supported);
  try {
    const existing = await deps.dnr.getDynamicRules();
    // One call replaces the whole set: the browser never runs with half a policy.
    await deps.dnr.updateDynamicRules({ removeRuleIds: existing.map((r) => r.id), addRules: rules });
    return true;
  } catch (error) {
    await policyError(`policy "${policy.name}": installing the browser rules failed: ${message(error)}`);
    return false;
  }
}

function sameResolution(current: ActivePolicy, resolution: ReturnType<typeof resolvePolicy>): boolean {
  return (
    current.source === resolution.source &&
    JSON.stringify(current.policy) === JSON.stringify(resolution.policy) &&
    JSON.stringify(current.problems) === JSON.stringify(resolution.problems)
  );
}

async function keepCurrent(current: ActivePolicy): Promise<ActivePolicy> {
  await policyError(
    `the browser rules were left unchanged; "${current.policy.name}" (${current.source}) stays in force`,
  );
  return current;
}

async function policyError(error: string): Promise<void> {
  await recordEvent({ kind: 'policy_error', error: error.slice(0, 4000) });
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
