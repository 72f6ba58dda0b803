// The CLI's top-level help: every command with its one-line summary.
import type { Command } from './io';

export function usage(list: Command[]): string {
  const width = Math.max(...list.map((c) => c.name.length));
  return [
    'Usage: npm run --silent cli -- <command> [options]',
    '',
    'Commands:',
    ...list.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Run a command with --help for its options.',
    '',
  ].join('\n');
}
