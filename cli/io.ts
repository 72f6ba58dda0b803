// The CLI's view of the outside world, so commands run the same under tests as in a terminal.
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';

export interface CliIo {
  /** Lines of standard input, without their line terminators. */
  lines(): AsyncIterable<string>;
  /** All of standard input as one string. */
  readAll(): Promise<string>;
  out(text: string): void;
  err(text: string): void;
  readFile(path: string): string;
  writeFile(path: string, text: string): void;
}

export function streamLines(stream: Readable): AsyncIterable<string> {
  return createInterface({ input: stream, crlfDelay: Infinity });
}

export async function readStream(stream: Readable): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks).toString('utf8');
}

export interface Command {
  name: string;
  summary: string;
  help: string;
  /** Subcommands with a help of their own (`policy compile --help`), for docs/cli.md. */
  subcommands?: readonly string[];
  run(args: string[], io: CliIo): Promise<number>;
}

export function wantsHelp(args: string[]): boolean {
  return args.includes('--help') || args.includes('-h');
}

/**
 * Runs the subcommand named by the first argument. No subcommand prints the help and fails; `--help`
 * prints it and succeeds; an unknown one is an error that shows the help.
 */
export async function runSubcommand(
  command: Pick<Command, 'name' | 'help'>,
  args: string[],
  io: CliIo,
  subcommands: Record<string, (rest: string[]) => Promise<number> | number>,
): Promise<number> {
  const [sub, ...rest] = args;
  if (!sub || sub === '--help' || sub === '-h') {
    io.out(command.help);
    return sub ? 0 : 1;
  }
  const run = Object.hasOwn(subcommands, sub) ? subcommands[sub] : undefined;
  if (!run) {
    io.err(`${command.name}: unknown subcommand "${sub}"\n\n${command.help}`);
    return 1;
  }
  return run(rest);
}
