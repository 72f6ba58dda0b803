// Reads and checks a policy file for a CLI command, printing every problem with its JSON path.
import type { Catalog } from '../lib/catalog/catalog-schema';
import { checkBrowserRules } from '../lib/policy/check-browser-rules';
import { checkPolicyText, type PolicyCheck } from '../lib/policy/check-policy';
import type { Policy } from '../lib/policy/policy-schema';
import type { CliIo } from './io';

export function checkPolicyFile(path: string, io: CliIo, catalog: Catalog): PolicyCheck {
  let text: string;
  try {
    text = io.readFile(path);
  } catch (error) {
    const reason = error instanceof Error && 'code' in error ? String(error.code) : String(error);
    return { ok: false, problems: [{ path, message: `cannot read the file (${reason})` }] };
  }
  return checkPolicyText(text, catalog);
}

export type InstallableCheck =
  (Extract<PolicyCheck, { ok: true }> & { browserRules: string }) | Extract<PolicyCheck, { ok: false }>;

/** checkPolicyFile, then whether the browser can hold its rules (`policy check` and `policy compile`). */
export function checkInstallablePolicyFile(path: string, io: CliIo, catalog: Catalog): InstallableCheck {
  const check = checkPolicyFile(path, io, catalog);
  if (!check.ok) return check;
  const rules = checkBrowserRules(check.policy, catalog);
  return rules.ok ? { ...check, browserRules: rules.summary } : rules;
}

/** The checked policy, or undefined after printing its problems to stderr. */
export function loadPolicyFile(path: string, io: CliIo, catalog: Catalog): Policy | undefined {
  const result = checkPolicyFile(path, io, catalog);
  if (result.ok) return result.policy;
  io.err(`${path}: invalid policy\n`);
  for (const p of result.problems) io.err(`${p.path}: ${p.message}\n`);
  return undefined;
}
