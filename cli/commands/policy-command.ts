// `policy check FILE` validates a policy bundle; `policy compile FILE --target T` turns it into an MDM artifact.
import { shippedCatalog } from '../../lib/catalog/shipped-catalog';
import { runSubcommand, wantsHelp, type CliIo, type Command } from '../io';
import { checkInstallablePolicyFile } from '../load-policy-file';
import { runPolicyCompile } from './policy-compile-command';

const help = `Usage: npm run --silent cli -- policy <subcommand>

Subcommands:
  check FILE   validate a policy bundle against the schema and the catalog, and compile
               its browser rules against Chrome's limits
               exit 0 with a summary, or exit 1 with one line per problem:
               <json path>: <problem>   (syntax errors name the line and column)
  compile FILE --target T [options]
               check FILE, then print the deployment artifact for an MDM or browser:
               chrome-linux, chrome-windows, edge-windows, chrome-macos, edge-macos,
               firefox, google-admin (see policy compile --help)
`;

const checkHelp = `Usage: npm run --silent cli -- policy check FILE

Validates FILE (a policy bundle, the shape of policies/*.json), then compiles it into browser
rules as the extension does and counts them against Chrome's limits (30,000 rules, 5,000
redirects, 1,000 regular expressions; 5,000 session rules for Continue grants).
Exit 0 and a two-line summary when valid; exit 1 and one line per problem, each naming its
JSON path, or "(browser rules)" with what to shrink when the browser could not hold the rules.
`;

export const policyCommand: Command = {
  name: 'policy',
  summary: 'check a policy bundle or compile it for an MDM (policy check|compile FILE)',
  help,
  subcommands: ['check', 'compile'],
  async run(args, io) {
    return runSubcommand(policyCommand, args, io, {
      check: (rest) => checkCommand(rest, io),
      compile: (rest) => runPolicyCompile(rest, io),
    });
  },
};

function checkCommand(rest: string[], io: CliIo): number {
  if (wantsHelp(rest)) {
    io.out(checkHelp);
    return 0;
  }
  const [file, ...extra] = rest;
  if (!file || extra.length) {
    io.err(checkHelp);
    return 1;
  }
  const result = checkInstallablePolicyFile(file, io, shippedCatalog());
  if (result.ok) {
    io.out(`${file}: ok: ${result.summary}\n${file}: ${result.browserRules}\n`);
    return 0;
  }
  for (const p of result.problems) io.out(`${p.path}: ${p.message}\n`);
  return 1;
}
