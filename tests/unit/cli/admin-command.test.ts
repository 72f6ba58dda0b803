import { describe, expect, it } from 'vitest';
import { adminCommand } from '../../../cli/commands/admin-command';
import { parsePassphraseHash, verifyPassphrase } from '../../../lib/policy/passphrase-hash';
import { fakeIo } from './fake-io';

describe('cli admin hash-passphrase', () => {
  it('prints a hash of the first stdin line that the popup verifies', async () => {
    const io = fakeIo('correct horse battery staple\nignored\n');
    expect(await adminCommand.run(['hash-passphrase', '--iterations', '100000'], io)).toBe(0);
    const value = io.stdout.trim();
    expect(parsePassphraseHash(value)).toMatchObject({ ok: true, value: { iterations: 100000 } });
    expect(await verifyPassphrase('correct horse battery staple', value)).toBe(true);
    expect(await verifyPassphrase('ignored', value)).toBe(false);
  });

  it.each([
    ['no passphrase', '', []],
    ['a short passphrase', 'short\n', []],
    ['too few iterations', 'long enough passphrase\n', ['--iterations', '1000']],
    ['a stray argument', 'long enough passphrase\n', ['--iterations']],
  ])('refuses %s with exit 1 and a message', async (_name, stdin, args) => {
    const io = fakeIo(stdin);
    expect(await adminCommand.run(['hash-passphrase', ...args], io)).toBe(1);
    expect(io.stdout).toBe('');
    expect(io.stderr).toMatch(/^admin hash-passphrase: /);
  });

  it('names an unknown subcommand', async () => {
    const io = fakeIo();
    expect(await adminCommand.run(['frobnicate'], io)).toBe(1);
    expect(io.stderr).toContain('unknown subcommand "frobnicate"');
  });
});
