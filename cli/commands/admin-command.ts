// `admin hash-passphrase`: turns the admin passphrase (from stdin) into the value for policy.admin.passphraseHash.
import { defaultIterations, hashPassphrase, minimumIterations } from '../../lib/policy/passphrase-hash';
import { runSubcommand, wantsHelp, type CliIo, type Command } from '../io';

const help = `Usage: npm run --silent cli -- admin <subcommand>

Subcommands:
  hash-passphrase [--iterations N]
      reads the admin passphrase from the first line of standard input and prints
      pbkdf2-sha256$<iterations>$<salt>$<hash> for the policy's admin.passphraseHash.
      The popup then asks for the passphrase before it shows the log or exports it.
      This is a UI gate, not encryption: the log stays readable on the machine itself.

Example:
  printf '%s\\n' 'correct horse battery staple' | npm run --silent cli -- admin hash-passphrase
`;

function parseIterations(args: string[]): number | string {
  if (!args.length) return defaultIterations;
  const [flag, value, ...extra] = args;
  const n = Number(value);
  if (flag !== '--iterations' || extra.length || !Number.isInteger(n)) return 'expected --iterations N';
  if (n < minimumIterations || n > 10_000_000)
    return `--iterations must be between ${minimumIterations} and 10000000`;
  return n;
}

export const adminCommand: Command = {
  name: 'admin',
  summary: 'admin popup settings (admin hash-passphrase < passphrase)',
  help,
  subcommands: ['hash-passphrase'],
  async run(args, io) {
    return runSubcommand(adminCommand, args, io, {
      'hash-passphrase': (rest) => hashPassphraseCommand(rest, io),
    });
  },
};

async function hashPassphraseCommand(rest: string[], io: CliIo): Promise<number> {
  if (wantsHelp(rest)) {
    io.out(help);
    return 0;
  }
  const iterations = parseIterations(rest);
  if (typeof iterations === 'string') {
    io.err(`admin hash-passphrase: ${iterations}\n`);
    return 1;
  }
  let passphrase: string | undefined;
  for await (const line of io.lines()) {
    passphrase = line;
    break;
  }
  if (!passphrase) {
    io.err('admin hash-passphrase: expected the passphrase on the first line of standard input\n');
    return 1;
  }
  if (passphrase.length < 8) {
    io.err('admin hash-passphrase: use a passphrase of at least 8 characters\n');
    return 1;
  }
  io.out(`${await hashPassphrase(passphrase, { iterations })}\n`);
  return 0;
}
