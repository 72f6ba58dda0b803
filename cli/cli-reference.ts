// Generates docs/cli.md from the commands' own --help, so the reference never drifts from the CLI.
import type { CliIo, Command } from './io';
import { commands } from './commands/commands';
import { usage } from './usage';

export async function cliReferenceMarkdown(list: Command[] = commands): Promise<string> {
  const sections: string[] = [];
  for (const command of list) {
    const helps = [await helpOf(command, [])];
    for (const sub of command.subcommands ?? []) {
      const text = await helpOf(command, [sub]);
      if (!helps.includes(text)) helps.push(text);
    }
    sections.push(
      `## ${command.name}`,
      '',
      command.summary,
      '',
      ...helps.flatMap((h) => ['```text', h.trimEnd(), '```', '']),
    );
  }
  return [
    '# Admin CLI',
    '',
    "<!-- Generated from the commands' --help (cli/commands/) by `npm run generate`; do not edit by hand. -->",
    '',
    'The same `lib/` code as the extension, for admins: decide URLs, check and compile a policy bundle,',
    'redact text, hash the admin passphrase. Run it as `npm run --silent cli -- <command>` right after',
    '`npm install` (no build step); every command has `--help`, which prints what is below.',
    '',
    '```text',
    usage(list).trimEnd(),
    '```',
    '',
    ...sections,
  ].join('\n');
}

/** Runs `<command> [sub] --help` against an io that only records what is printed. */
async function helpOf(command: Command, path: string[]): Promise<string> {
  let out = '';
  const unavailable = () => {
    throw new Error(`${command.name} --help read its input`);
  };
  const io: CliIo = {
    lines: unavailable,
    readAll: unavailable,
    readFile: unavailable,
    writeFile: unavailable,
    out: (text) => void (out += text),
    err: (text) => {
      throw new Error(`${[command.name, ...path].join(' ')} --help failed: ${text}`);
    },
  };
  const code = await command.run([...path, '--help'], io);
  if (code !== 0) throw new Error(`${[command.name, ...path].join(' ')} --help exited ${code}`);
  return out;
}
