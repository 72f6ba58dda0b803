import { execFileSync, spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { policyCommand } from '../../../cli/commands/policy-command';
import { fakeIo } from './fake-io';

describe('cli policy check', () => {
  it('prints a one-line summary and exits 0 for a valid bundle', async () => {
    const io = fakeIo('', { 'ok.json': '{"name":"Acme","version":"7"}' });
    expect(await policyCommand.run(['check', 'ok.json'], io)).toBe(0);
    expect(io.stdout).toBe(
      'ok.json: ok: policy "Acme" version 7: 0 rules, mode enforce, fallback allow, catalog 167 services (+0 added, 0 overridden)\n',
    );
  });

  it('prints one line per problem with its JSON path and exits 1', async () => {
    const bad = JSON.stringify({
      name: 'x',
      version: '1',
      rules: [
        { id: 'a', match: { services: ['deepseek'] }, action: 'blok' },
        { id: 'b', match: { jurisdictions: ['CN'] }, action: 'block', bypassMinutes: 0 },
      ],
    });
    const io = fakeIo('', { 'bad.json': bad });
    expect(await policyCommand.run(['check', 'bad.json'], io)).toBe(1);
    expect(io.stdout.trim().split('\n')).toEqual([
      'rules[0].action: expected one of allow|warn|block',
      'rules[1].bypassMinutes: Too small: expected number to be >=1',
    ]);
  });

  it('reports malformed JSON with line and column', async () => {
    const io = fakeIo('', { 'broken.json': '{\n  "name": "x",\n  "version": 1,,\n}' });
    expect(await policyCommand.run(['check', 'broken.json'], io)).toBe(1);
    expect(io.stdout).toMatch(/^line 3, column 16: invalid JSON/);
  });

  it('explains usage errors', async () => {
    const io = fakeIo();
    expect(await policyCommand.run(['check'], io)).toBe(1);
    expect(io.stderr).toContain('Usage: npm run --silent cli -- policy check FILE');
    const unknown = fakeIo();
    expect(await policyCommand.run(['frobnicate'], unknown)).toBe(1);
    expect(unknown.stderr).toContain('unknown subcommand "frobnicate"');
  });

  it('has --help on the command and the subcommand', async () => {
    for (const args of [['--help'], ['check', '--help']]) {
      const io = fakeIo();
      expect(await policyCommand.run(args, io)).toBe(0);
      expect(io.stdout).toContain('check FILE');
    }
  });

  it('exit codes reach the shell through npm', () => {
    expect(
      execFileSync('npm', ['run', '--silent', 'cli', '--', 'policy', 'check', 'policies/default.json'], {
        encoding: 'utf8',
      }),
    ).toMatch(/^policies\/default.json: ok: policy "Gatehouse default"/);
    const failed = spawnSync('npm', ['run', '--silent', 'cli', '--', 'policy', 'check', 'package.json'], {
      encoding: 'utf8',
    });
    expect(failed.status).toBe(1);
    expect(failed.stdout).toContain('(root): unknown keys "private"');
  });
});
