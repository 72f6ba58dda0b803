import { execFileSync, spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { policyCommand } from '../../../cli/commands/policy-command';
import { fakeIo } from './fake-io';

describe('cli policy check', () => {
  it('prints a summary with the browser rules it needs and exits 0 for a valid bundle', async () => {
    const io = fakeIo('', { 'ok.json': '{"name":"Acme","version":"7"}' });
    expect(await policyCommand.run(['check', 'ok.json'], io)).toBe(0);
    expect(io.stdout).toBe(
      'ok.json: ok: policy "Acme" version 7: 0 rules, mode enforce, fallback allow, catalog 167 services (+0 added, 0 overridden)\n' +
        'ok.json: browser rules: 1 of 30,000 (redirects 0 of 5,000, regular expressions 0 of 1,000); no warnings, so no Continue grants\n',
    );
  });

  it('counts the rules of a 100,000-host bundle', async () => {
    const hosts = Array.from({ length: 100_000 }, (_, i) => `h${i}.example.test`);
    const bundle = { name: 'big', version: '1', rules: [{ id: 'r', match: { hosts }, action: 'warn' }] };
    const io = fakeIo('', { 'big.json': JSON.stringify(bundle) });
    expect(await policyCommand.run(['check', 'big.json'], io)).toBe(0);
    expect(io.stdout.split('\n')[1]).toMatch(
      /^big\.json: browser rules: \d\d of 30,000 \(redirects \d of 5,000, regular expressions \d\d of 1,000\); one Continue adds up to 1 session rule \(of 5,000, regular expressions 0 of 1,000\)$/,
    );
    // About a second alone; a loaded 2-core machine or mutation testing makes it many times that.
  }, 180_000);

  it('refuses a bundle whose browser rules exceed the limits, saying what to shrink', async () => {
    const add = Array.from({ length: 600 }, (_, i) => ({
      id: `own-${i}`,
      name: `Own ${i}`,
      operator: 'Acme',
      operatorCountry: 'DE',
      parentCountry: 'DE',
      jurisdiction: 'CN',
      confidence: 'high',
      category: 'chat',
      urlPatterns: [`tools${i}.acme.example/chat`],
    }));
    const bundle = JSON.stringify({
      name: 'paths',
      version: '1',
      catalog: { add },
      fallback: { action: 'block' },
    });
    const io = fakeIo('', { 'paths.json': bundle });
    expect(await policyCommand.run(['check', 'paths.json'], io)).toBe(1);
    expect(io.stdout).toMatch(
      /^\(browser rules\): the policy needs \d,\d{3} regular-expression rules; the browser allows 1,000\. To shrink it, .*catalog\.add\n$/,
    );
    const compile = fakeIo('', { 'paths.json': bundle });
    expect(await policyCommand.run(['compile', 'paths.json', '--target', 'chrome-linux'], compile)).toBe(1);
    expect(compile.stdout).toBe('');
    expect(compile.stderr).toContain('(browser rules): the policy needs');
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
