// `decide`: what the policy does with each URL, one JSON object per line.
import { shippedCatalog } from '../../lib/catalog/shipped-catalog';
import { compilePolicy } from '../../lib/policy/compile-policy';
import { decideCompiled } from '../../lib/policy/decide';
import { defaultPolicy } from '../../lib/policy/default-policy';
import { wantsHelp, type Command } from '../io';
import { loadPolicyFile } from '../load-policy-file';

const help = `Usage: npm run --silent cli -- decide [--policy FILE] [--explain] [URL ...]

Decides each URL against the policy (the built-in default without --policy).
URLs come from the arguments or, when there are none, one per line on stdin.
Prints one JSON object per line: {"url","action","service","jurisdiction","rule"}
  action: block | warn | allow | none (not an AI service)
  --explain adds "reason" and "match" to each line.
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
    const emit = (url: string) => {
      const d = decideCompiled(url, compiled);
      const line: Record<string, unknown> = {
        url,
        action: d.action,
        service: d.service?.id ?? null,
        jurisdiction: d.jurisdiction,
        rule: d.rule,
      };
      if (explain) Object.assign(line, { reason: d.reason, match: d.match?.pattern ?? null });
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
