// Puts the policy in force: resolve (managed → last valid → default), compile to DNR, install atomically.
// Every failure, thrown or returned, is a policy_error event and leaves the rules in force.
import { shippedCatalog } from '../catalog/shipped-catalog';
import { defaultActivePolicy, type ActivePolicy } from '../policy/active-policy';
import { compileDnrRules, type DnrTarget } from '../policy/compile-dnr-rules';
import { compilePolicy } from '../policy/compile-policy';
import { defaultPolicy } from '../policy/default-policy';
import type { DnrRule } from '../policy/dnr-rule';
import { blockWithoutInterstitials } from '../policy/dnr-without-host-access';
import { readManagedBundle } from '../policy/managed-bundle';
import { resolvePolicy } from '../policy/resolve-policy';
import type { Policy } from '../policy/policy-schema';
import type { PolicySource } from '../policy/policy-source';
import { dnrLimits, type DnrApi } from '../browser/dnr-api';
import {
  activePolicyIdItem,
  activePolicyItem,
  lastValidPolicyItem,
  managedPolicyItem,
  managedPolicyJsonItem,
} from '../browser/storage-items';
import { clearGrants } from './grants';
import { notifyPolicyApplied } from './policy-applied';
import { recordEvent } from './record-event';
import { startMarks } from './start-marks';
import { staticDefaultWanted, switchStaticDefault } from './static-default';

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

/**
 * `start`: the worker runs because the extension was installed, updated or the browser started. The
 * rules of the policy this profile last had in force (the default on a fresh install) go in first,
 * before managed storage is read: at browser start the browser answers that read only after its policy
 * service is up, seconds later. `change`: the managed policy changed; it is read and applied.
 */
export type ApplyTrigger = 'start' | 'change';

export interface ApplyOptions {
  trigger?: ApplyTrigger;
  /**
   * Leave everything as it is (no rules installed, no event) when the policy that would be put in force,
   * its source and its problems are those already in force: for the periodic re-read of managed storage.
   */
  ifChanged?: boolean;
}

let queue: Promise<unknown> = Promise.resolve();

/** Serialised: storage events, install and startup may all ask at once. Never rejects. */
export function applyPolicy(
  deps: PolicyLoaderDeps,
  options: ApplyOptions = {},
): Promise<ActivePolicy | null> {
  const run = queue.then(() => applyPolicySafely(deps, options));
  queue = run.catch(() => undefined);
  return run;
}

async function applyPolicySafely(
  deps: PolicyLoaderDeps,
  options: ApplyOptions,
): Promise<ActivePolicy | null> {
  try {
    return await applyPolicyNow(deps, options);
  } catch (error) {
    // A bug or a browser API failing: whatever rules were installed stay in force.
    await policyError(
      `applying the policy failed (${message(error)}); the browser rules in force stay`,
    ).catch((logError: unknown) => console.error('Gatehouse could not apply the policy', error, logError));
    return activePolicyItem.read().catch(() => null);
  }
}

async function applyPolicyNow(deps: PolicyLoaderDeps, options: ApplyOptions): Promise<ActivePolicy | null> {
  let installed: Policy | null = null;
  if (options.trigger === 'start') {
    const known = (await activePolicyItem.read()) ?? defaultActivePolicy();
    if (await install(deps, known.policy, known.source)) installed = known.policy;
  }

  const [policyJson, policyObject] = await Promise.all([
    managedPolicyJsonItem.load(),
    managedPolicyItem.load(),
  ]);
  performance.mark(startMarks.managedRead);
  const managed = readManagedBundle({ policyJson, policy: policyObject });
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

  // Rules installed a moment ago at start are not installed twice; the source still sets the static default.
  const putInForce = async (policy: Policy, source: PolicySource) => {
    if (!installed || !samePolicy(installed, policy)) return install(deps, policy, source);
    await switchStatic(deps, source);
    return true;
  };
  let { policy, source } = resolution;
  if (!(await putInForce(policy, source))) {
    const current = await activePolicyItem.read();
    if (current) return keepCurrent(current);
    // Nothing in force yet: the built-in default, which always fits.
    ({ policy, source } = { policy: defaultPolicy(), source: 'default' as const });
    if (!(await putInForce(policy, source))) return null;
  }

  const previous = await activePolicyItem.read();
  const active: ActivePolicy = {
    source,
    appliedAt: (deps.now ?? Date.now)(),
    policy,
    problems: resolution.problems,
  };
  if (source === 'managed') await lastValidPolicyItem.write(resolution.bundle);
  await activePolicyItem.write(active);
  await activePolicyIdItem.write(crypto.randomUUID());
  if (previous && !samePolicy(previous.policy, active.policy)) await clearGrants(deps.dnr);
  await recordEvent({
    kind: 'policy_applied',
    policy: { name: active.policy.name, version: active.policy.version, source: active.source },
  });
  for (const error of await notifyPolicyApplied(active))
    await policyError(`a policy listener failed: ${error}`);
  return active;
}

function samePolicy(a: Policy, b: Policy): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}

/** Drops (and reports) rules whose regex the browser cannot compile, so the rest still installs. */
async function withoutUnsupportedRegex(dnr: DnrApi, rules: DnrRule[]): Promise<DnrRule[]> {
  if (!dnr.isRegexSupported) return rules;
  const regexes = [...new Set(rules.flatMap((r) => r.condition.regexFilter ?? []))];
  // One round trip for all of them: asked one after another they cost the worker's start a lot.
  const verdicts = new Map(
    await Promise.all(regexes.map(async (regex) => [regex, await dnr.isRegexSupported!({ regex })] as const)),
  );
  const kept: DnrRule[] = [];
  for (const rule of rules) {
    const regex = rule.condition.regexFilter;
    const verdict = regex === undefined ? undefined : verdicts.get(regex);
    if (!verdict || verdict.isSupported) kept.push(rule);
    else
      await policyError(
        `the browser cannot use the regular expression ${regex} (${verdict.reason ?? 'unsupported'})`,
      );
  }
  return kept;
}

/**
 * Compiles and installs the policy's rules; false (with policy_error events) when it cannot, whether the
 * compiler refuses the policy or anything on the way throws. The rules in force are then untouched, and so
 * is the static default: it goes off only once another policy's rules are in (static-default.ts).
 */
async function install(deps: PolicyLoaderDeps, policy: Policy, source: PolicySource): Promise<boolean> {
  try {
    const compiled = compilePolicy(policy, shippedCatalog());
    const result = compileDnrRules(compiled, { ...deps.target, limits: dnrLimits(deps.dnr) });
    for (const problem of result.problems) await policyError(`policy "${policy.name}": ${problem}`);
    if (!result.ok) return false;
    const [supported, existing, hostAccess] = await Promise.all([
      withoutUnsupportedRegex(deps.dnr, result.rules),
      deps.dnr.getDynamicRules(),
      deps.hostAccess?.() ?? true,
    ]);
    const rules = hostAccess ? supported : blockWithoutInterstitials(supported);
    // Back to the default: its static rules come on before the dynamic ones change.
    if (staticDefaultWanted(source)) await switchStatic(deps, source);
    // One call replaces the whole set: the browser never runs with half a policy.
    await deps.dnr.updateDynamicRules({ removeRuleIds: existing.map((r) => r.id), addRules: rules });
    // Another policy: the static default goes off only now that its rules are in.
    if (!staticDefaultWanted(source)) await switchStatic(deps, source);
    performance.mark(startMarks.rulesInstalled, { detail: { policy: policy.name } });
    return true;
  } catch (error) {
    await policyError(
      `policy "${policy.name}": compiling or installing the browser rules failed: ${message(error)}`,
    );
    return false;
  }
}

async function switchStatic(deps: PolicyLoaderDeps, source: PolicySource): Promise<void> {
  const problem = await switchStaticDefault(deps.dnr, staticDefaultWanted(source));
  if (problem) await policyError(problem);
}

function sameResolution(current: ActivePolicy, resolution: ReturnType<typeof resolvePolicy>): boolean {
  return (
    current.source === resolution.source &&
    samePolicy(current.policy, resolution.policy) &&
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
