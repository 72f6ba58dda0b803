// Compiles a checked policy bundle into one MDM artifact: the single entry point the CLI and tests use.
import type { PathProblem } from '../problems/format-problems';
import { formatZodIssues } from '../problems/format-problems';
import type { Policy, PolicyInput } from '../policy/policy-schema';
import {
  artifactOptionsSchema,
  targetInfo,
  type ArtifactOptions,
  type ArtifactTarget,
} from './artifact-target';
import { chromeLinuxPolicyFile } from './chrome-linux';
import { chromiumPolicySet } from './chromium-policy-set';
import { firefoxPoliciesJson } from './firefox-policies-json';
import { googleAdminPolicyJson } from './google-admin';
import { macosMobileconfig } from './macos-mobileconfig';
import { windowsRegFile } from './windows-reg';

/** A bundle that passed checkPolicy: the parsed policy and the input as written, which artifacts carry. */
export interface CheckedBundle {
  policy: Policy;
  input: PolicyInput;
}

export type ArtifactResult = { ok: true; text: string } | { ok: false; problems: PathProblem[] };

export function compileArtifact(
  bundle: CheckedBundle,
  target: ArtifactTarget,
  rawOptions: Record<string, unknown>,
): ArtifactResult {
  const info = targetInfo[target];
  const parsed = artifactOptionsSchema(target).safeParse({
    ...rawOptions,
    updateUrl: rawOptions.updateUrl ?? info.defaultUpdateUrl,
  });
  if (!parsed.success)
    return {
      ok: false,
      problems: formatZodIssues(parsed.error.issues).map((p) => ({ ...p, path: optionFlag(p.path) })),
    };
  const options = parsed.data;
  if (options.harden && !info.hardening)
    return {
      ok: false,
      problems: [
        {
          path: '--harden',
          message: `${target} carries only the extension's policy; set the hardening policies in the console (see docs/deploying.md, "Hardening")`,
        },
      ],
    };
  if (options.regListStart !== 1 && target !== 'chrome-windows' && target !== 'edge-windows')
    return {
      ok: false,
      problems: [
        {
          path: '--reg-list-start',
          message: `numbers registry list values, so it applies only to chrome-windows and edge-windows, not ${target}`,
        },
      ],
    };
  if (info.installs && options.forceInstall && !options.updateUrl)
    return {
      ok: false,
      problems: [
        {
          path: '--update-url',
          message: `required for ${target}: the https URL of the signed .xpi (addons.mozilla.org or your own server), or --no-force-install`,
        },
      ],
    };
  return render(bundle, target, options);
}

function render(bundle: CheckedBundle, target: ArtifactTarget, options: ArtifactOptions): ArtifactResult {
  const title = `Gatehouse policy "${bundle.policy.name}" version ${bundle.policy.version}`;
  switch (target) {
    case 'chrome-linux':
      return { ok: true, text: chromeLinuxPolicyFile(chromiumPolicySet(bundle.input, 'chrome', options)) };
    case 'chrome-windows':
    case 'edge-windows': {
      const browser = target === 'chrome-windows' ? 'chrome' : 'edge';
      return {
        ok: true,
        text: windowsRegFile(
          chromiumPolicySet(bundle.input, browser, options),
          browser,
          title,
          options.regListStart,
        ),
      };
    }
    case 'chrome-macos':
    case 'edge-macos': {
      const browser = target === 'chrome-macos' ? 'chrome' : 'edge';
      const set = chromiumPolicySet(bundle.input, browser, options);
      const fingerprint = JSON.stringify([target, options, bundle.input]);
      return macosMobileconfig({ set, browser, title, fingerprint });
    }
    case 'firefox':
      return { ok: true, text: firefoxPoliciesJson(bundle.input, options) };
    case 'google-admin':
      return { ok: true, text: googleAdminPolicyJson(bundle.input) };
  }
}

const optionFlags: Record<string, string> = {
  extensionId: '--extension-id',
  updateUrl: '--update-url',
  allowExtensions: '--allow-extension',
  forceInstall: '--no-force-install',
  harden: '--harden',
  regListStart: '--reg-list-start',
};

/** Names a problem by the CLI flag that set the option ("allowExtensions[1]" → "--allow-extension[1]"). */
function optionFlag(path: string): string {
  const match = /^([A-Za-z]+)(.*)$/.exec(path);
  const flag = match && optionFlags[match[1]!];
  return flag ? flag + match[2] : path;
}
