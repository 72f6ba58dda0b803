import { describe, expect, it } from 'vitest';
import { cliReferenceMarkdown } from '../../../cli/cli-reference';
import { commands } from '../../../cli/commands/commands';
import type { Command } from '../../../cli/io';

describe('docs/cli.md, generated from the commands’ --help', () => {
  it('has a section per command with its help, and the help of each subcommand', async () => {
    const doc = await cliReferenceMarkdown();
    for (const command of commands) {
      expect(doc).toContain(`\n## ${command.name}\n`);
      expect(doc).toContain(command.help.trimEnd());
    }
    expect(doc).toContain('Usage: npm run --silent cli -- policy compile FILE --target T [options]');
    expect(doc).toContain('Usage: npm run --silent cli -- policy check FILE');
  });

  it('refuses a command whose --help fails, rather than documenting an error', async () => {
    const broken: Command = {
      name: 'broken',
      summary: 'x',
      help: 'Usage: broken\n',
      subcommands: ['sub'],
      run: async (args, io) => {
        if (args[0] === 'sub') {
          io.err('broken: unknown subcommand\n');
          return 1;
        }
        io.out('Usage: broken\n');
        return 0;
      },
    };
    await expect(cliReferenceMarkdown([broken])).rejects.toThrow('broken sub --help failed');
  });
});
