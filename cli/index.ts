#!/usr/bin/env node
// gatehouse admin CLI: `npm run --silent cli -- <command> [--help]`.
import { readFileSync, writeFileSync } from 'node:fs';
import { readStream, streamLines, type CliIo } from './io';
import { commands } from './commands/commands';
import { usage } from './usage';

const io: CliIo = {
  lines: () => streamLines(process.stdin),
  readAll: () => readStream(process.stdin),
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  readFile: (path) => readFileSync(path, 'utf8'),
  writeFile: (path, text) => writeFileSync(path, text),
};

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.out(usage(commands));
    return name ? 0 : 1;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) {
    io.err(`Unknown command "${name}".\n\n${usage(commands)}`);
    return 1;
  }
  return command.run(rest, io);
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(
      `gatehouse: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exitCode = 2;
  },
);
