// `policy compile FILE --target T`: checks a bundle, then prints (or writes) the MDM artifact for T.
import { parseArgs } from 'node:util';
import devExtension from '../../keys/dev-extension.json' with { type: 'json' };
import { shippedCatalog } from '../../lib/catalog/shipped-catalog';
import {
  artifactTargets,
  isArtifactTarget,
  targetInfo,
  type ArtifactTarget,
} from '../../lib/deploy/artifact-target';
import { compileArtifact } from '../../lib/deploy/compile-artifact';
import type { CliIo } from '../io';
import { checkInstallablePolicyFile } from '../load-policy-file';

const width = Math.max(...artifactTargets.map((t) => t.length));

export const compileHelp = `Usage: npm run --silent cli -- policy compile FILE --target T [options]

Checks FILE like \`policy check\` (an invalid bundle, or one whose browser rules exceed Chrome's
limits, is refused: exit 1, one problem per line on stderr), then prints the deployment artifact for target T on stdout.

Targets:
${artifactTargets.map((t) => `  ${t.padEnd(width)}  ${targetInfo[t].description}`).join('\n')}

Options:
  --target T              one of the targets above (required)
  --extension-id ID       the extension's id: 32 letters a-p for Chrome and Edge, an add-on id such as
                          gatehouse@gatehouse.example for Firefox. Default: the pinned development id
                          (${devExtension.id}; Firefox ${devExtension.geckoId})
  --update-url URL        where browsers fetch the extension. Default: the Chrome Web Store
                          (${targetInfo['chrome-linux'].defaultUpdateUrl}), for Edge targets
                          Edge Add-ons (${targetInfo['edge-windows'].defaultUpdateUrl}).
                          Self-hosted: your update manifest URL. Firefox: required, the signed .xpi URL
  --no-force-install      leave out the force-install entry (the extension is installed another way)
  --harden                also lock the browser down: developer mode off, DevTools blocked for
                          policy-installed extensions, private windows and Guest mode off (Firefox:
                          the extension runs in private windows), every other extension blocked
                          unless allowed
  --allow-extension IDS   with --harden: extension ids still allowed (comma-separated, repeatable)
  --reg-list-start N      chrome-windows, edge-windows: number our entries in list policies from N
                          (default 1), after the numbered entries your machines already have
  --out FILE              write the artifact to FILE instead of stdout
`;

export function runPolicyCompile(args: string[], io: CliIo): number {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      strict: true,
      options: {
        target: { type: 'string' },
        'extension-id': { type: 'string' },
        'update-url': { type: 'string' },
        'no-force-install': { type: 'boolean' },
        harden: { type: 'boolean' },
        'allow-extension': { type: 'string', multiple: true },
        'reg-list-start': { type: 'string' },
        out: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    io.err(`policy compile: ${error instanceof Error ? error.message : String(error)}\n\n${compileHelp}`);
    return 1;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.out(compileHelp);
    return 0;
  }
  const [file, ...extra] = positionals;
  if (!file || extra.length) {
    io.err(`policy compile: expected exactly one FILE\n\n${compileHelp}`);
    return 1;
  }
  const target = values.target;
  if (!target || !isArtifactTarget(target)) {
    const got = target === undefined ? 'missing' : `unknown target "${target}"`;
    io.err(`policy compile: --target ${got}; expected one of ${artifactTargets.join(', ')}\n`);
    return 1;
  }

  const check = checkInstallablePolicyFile(file, io, shippedCatalog());
  if (!check.ok) {
    io.err(`${file}: invalid policy, nothing compiled\n`);
    for (const p of check.problems) io.err(`${p.path}: ${p.message}\n`);
    return 1;
  }
  const result = compileArtifact(check, target, {
    extensionId: values['extension-id'] ?? defaultExtensionId(target),
    updateUrl: values['update-url'],
    forceInstall: !values['no-force-install'],
    ...(values['reg-list-start'] === undefined
      ? {}
      : { regListStart: /^\d+$/.test(values['reg-list-start']) ? Number(values['reg-list-start']) : NaN }),
    harden: values.harden ?? false,
    allowExtensions: (values['allow-extension'] ?? []).flatMap((list) =>
      list
        .split(',')
        .map((id) => id.trim())
        .filter(Boolean),
    ),
  });
  if (!result.ok) {
    for (const p of result.problems) io.err(`${p.path}: ${p.message}\n`);
    return 1;
  }
  if (values.out === undefined) {
    io.out(result.text);
    return 0;
  }
  try {
    io.writeFile(values.out, result.text);
  } catch (error) {
    const reason = error instanceof Error && 'code' in error ? String(error.code) : String(error);
    io.err(`${values.out}: cannot write the file (${reason})\n`);
    return 1;
  }
  io.out(`${values.out}: wrote ${target} artifact for ${check.summary}\n`);
  return 0;
}

function defaultExtensionId(target: ArtifactTarget): string {
  return targetInfo[target].browser === 'firefox' ? devExtension.geckoId : devExtension.id;
}
