import { describe, expect, it } from 'vitest';
import { runSubcommand } from '../../../cli/io';
import { fakeIo } from './fake-io';

const command = { name: 'thing', help: 'Usage: thing <sub>\n' };

async function run(args: string[]) {
  const io = fakeIo();
  const ran: string[][] = [];
  const code = await runSubcommand(command, args, io, {
    go: (rest) => {
      ran.push(rest);
      return 7;
    },
  });
  return { code, ran, stdout: io.stdout, stderr: io.stderr };
}

describe('runSubcommand', () => {
  it('hands the rest of the arguments to the named subcommand and returns its exit code', async () => {
    expect(await run(['go', 'a', '--b'])).toEqual({ code: 7, ran: [['a', '--b']], stdout: '', stderr: '' });
  });

  it('prints the help: failing without a subcommand, succeeding when asked for', async () => {
    expect(await run([])).toEqual({ code: 1, ran: [], stdout: command.help, stderr: '' });
    expect(await run(['--help'])).toEqual({ code: 0, ran: [], stdout: command.help, stderr: '' });
    expect(await run(['-h'])).toEqual({ code: 0, ran: [], stdout: command.help, stderr: '' });
  });

  it.each(['frobnicate', 'toString', 'constructor', '__proto__'])(
    'names an unknown subcommand "%s" and shows the help',
    async (sub) => {
      expect(await run([sub, 'x'])).toEqual({
        code: 1,
        ran: [],
        stdout: '',
        stderr: `thing: unknown subcommand "${sub}"\n\n${command.help}`,
      });
    },
  );
});
