// `decide`: what the policy does with each URL, one JSON object per line.
import { shippedCatalog } from '../../lib/catalog/shipped-catalog';
import { compilePolicy } from '../../lib/policy/compile-policy';
import { decideCompiled } from '../../lib/policy/decide';
import { defaultPolicy } from '../../lib/policy/default-policy';
import { explainDecision } from '../../lib/policy/explain-decision';
import { explainPolicy } from '../../lib/policy/explain-policy';
import { wantsHelp, type Command } from '../io';
import { loadPolicyFile } from '../load-policy-file';

const help = `Usage: npm run --silent cli -- decide [--policy FILE] [--explain] [URL ...]
       npm run --silent cli -- decide [--policy FILE] --services

Decides each URL against the policy (the built-in default without --policy).
URLs come from the arguments or, when there are none, one per line on stdin.
Prints one JSON object per line: {"url","action","service","jurisdiction","rule"}
  action: block | warn | allow | none (not an AI service)
  --explain adds why: "serviceName", "parentCountry", "category", "ruleDescription",
    "matchedOn" (each criterion of the deciding rule and the value that met it),
    "enforced" (false in audit mode), "reason" and "match" (the catalog entry).
  --services decides every catalog service (and every host the policy's rules name)
    instead of URLs: one explained line per service, as the popup's policy view shows
    them, with "host", "origin" (catalog, added, overridden, rule-host) and
    "exceptions" (addresses of the service a host rule decides differently).
`;

export const decideCommand: Command = {
  name: 'decide',
  summary: 'decide URLs against a policy (JSON lines)',
  help,
  async run(args, io) {
    if (wantsHelp(args)) {
      io.out(help);
      return 0;
    }
    let policyPath: string | undefined;
    let explain = false;
    let services = false;
    const urls: string[] = [];
    for (let i = 0; i < args.length; i++) {
      const arg = args[i]!;
      if (arg === '--policy') {
        policyPath = args[++i];
        if (!policyPath) {
          io.err('decide: --policy needs a file\n');
          return 1;
        }
      } else if (arg === '--explain') explain = true;
      else if (arg === '--services') services = true;
      else if (arg.startsWith('--')) {
        io.err(`decide: unknown option ${arg}\n\n${help}`);
        return 1;
      } else urls.push(arg);
    }
    const catalog = shippedCatalog();
    let policy = defaultPolicy();
    if (policyPath) {
      const loaded = loadPolicyFile(policyPath, io, catalog);
      if (!loaded) return 1;
      policy = loaded;
    }
    const compiled = compilePolicy(policy, catalog);
    if (services) {
      if (urls.length) {
        io.err('decide: --services takes no URLs\n');
        return 1;
      }
      for (const row of explainPolicy(compiled)) io.out(JSON.stringify(row) + '\n');
      return 0;
    }
    const emit = (url: string) => {
      const d = decideCompiled(url, compiled);
      const { action, service, jurisdiction, rule, ...why } = explainDecision(d, policy);
      const line = explain
        ? { url, action, service, jurisdiction, rule, ...why }
        : { url, action, service, jurisdiction, rule };
      io.out(JSON.stringify(line) + '\n');
    };
    if (urls.length) urls.forEach(emit);
    else {
      for await (const line of io.lines()) {
        const url = line.trim();
        if (url) emit(url);
      }
    }
    return 0;
  },
};
