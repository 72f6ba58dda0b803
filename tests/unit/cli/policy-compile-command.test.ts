import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { policyCommand } from '../../../cli/commands/policy-command';
import type { CliIo } from '../../../cli/io';
import { artifactTargets } from '../../../lib/deploy/artifact-target';

const warnCn = 'policies/examples/warn-cn.json';
const invalid = {
  name: 'broken',
  version: '1',
  rules: [{ id: 'r', match: { services: ['no-such-service'] }, action: 'deny' }],
};

/** Runs `policy …` with in-memory files layered over the real ones. */
async function run(args: string[], files: Record<string, string> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    lines: () => (async function* () {})(),
    readAll: async () => '',
    out: (text) => out.push(text),
    err: (text) => err.push(text),
    readFile: (p) => files[p] ?? readFileSync(p, 'utf8'),
    writeFile: (p, text) => {
      files[p] = text;
    },
  };
  const code = await policyCommand.run(args, io);
  return { code, out: out.join(''), err: err.join(''), files };
}

describe('policy compile', () => {
  it('prints the artifact on stdout and nothing else', async () => {
    const { code, out, err } = await run(['compile', warnCn, '--target', 'chrome-linux']);
    expect([code, err]).toEqual([0, '']);
    const file = JSON.parse(out);
    // The bundle as JSON text (a string Chrome's schema check passes on unaltered).
    expect(JSON.parse(file['3rdparty'].extensions.hdelpkplhkpocfoajdbmibkebgpkflda.policyJson)).toEqual(
      JSON.parse(readFileSync(warnCn, 'utf8')),
    );
    expect(file.ExtensionInstallForcelist).toEqual([
      'hdelpkplhkpocfoajdbmibkebgpkflda;https://clients2.google.com/service/update2/crx',
    ]);
  });

  it('writes the artifact with --out and says so on stdout', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'gatehouse-compile-'));
    try {
      const target = path.join(dir, 'gatehouse.reg');
      const printed = await run(['compile', warnCn, '--target', 'edge-windows']);
      const { code, out, err, files } = await run([
        'compile',
        warnCn,
        '--target',
        'edge-windows',
        '--out',
        target,
      ]);
      expect([code, err]).toEqual([0, '']);
      expect(files[target]).toBe(printed.out);
      expect(out).toBe(`${target}: wrote edge-windows artifact for ${checkSummary()}\n`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses an invalid bundle with the problem lines policy check prints, on stderr, exit 1', async () => {
    const files = { 'broken.json': JSON.stringify(invalid) };
    const check = await run(['check', 'broken.json'], files);
    expect(check.code).toBe(1);
    const compile = await run(
      ['compile', 'broken.json', '--target', 'chrome-linux', '--out', 'x.json'],
      files,
    );
    expect(compile).toMatchObject({ code: 1, out: '' });
    expect(compile.err).toBe(`broken.json: invalid policy, nothing compiled\n${check.out}`);
    expect(check.out).toContain('rules[0].action: expected one of allow|warn|block\n');
    expect(compile.files['x.json']).toBeUndefined();
  });

  it('reports a JSON syntax error and an unreadable file the same way', async () => {
    const syntax = await run(['compile', 'bad.json', '--target', 'firefox'], {
      'bad.json': '{\n  "name": }',
    });
    expect(syntax.code).toBe(1);
    expect(syntax.err).toMatch(
      /^bad\.json: invalid policy, nothing compiled\nline 2, column \d+: invalid JSON/,
    );
    const missing = await run(['compile', 'no/such/file.json', '--target', 'chrome-linux']);
    expect(missing.err).toBe(
      'no/such/file.json: invalid policy, nothing compiled\nno/such/file.json: cannot read the file (ENOENT)\n',
    );
  });

  it.each([
    [['--target', 'chrome-ios'], 'policy compile: --target unknown target "chrome-ios"; expected one of'],
    [[], 'policy compile: --target missing; expected one of'],
    [
      ['--target', 'chrome-linux', '--extension-id', 'ABC'],
      '--extension-id: expected a Chromium extension id',
    ],
    [
      ['--target', 'firefox', '--extension-id', 'hdelpkplhkpocfoajdbmibkebgpkflda'],
      '--extension-id: expected a Firefox add-on id',
    ],
    [['--target', 'firefox'], '--update-url: required for firefox'],
    [['--target', 'chrome-macos', '--update-url', 'ftp://x'], '--update-url: expected an http(s) URL'],
    [['--target', 'google-admin', '--harden'], '--harden: google-admin carries only'],
    [['--target', 'chrome-linux', '--colour'], "policy compile: Unknown option '--colour'"],
  ])('rejects %j with a message naming the flag', async (flags, message) => {
    const { code, out, err } = await run(['compile', warnCn, ...flags]);
    expect([code, out]).toEqual([1, '']);
    expect(err.startsWith(message)).toBe(true);
  });

  it('splits --allow-extension lists on commas and accepts it repeated', async () => {
    const { code, out } = await run([
      'compile',
      warnCn,
      '--target',
      'chrome-linux',
      '--harden',
      '--allow-extension',
      'cjpalhdlnbpafiamejdnhcphjbkeiagm, ghbmnnjooekpmoecnnnilnnbdlolhkhi',
      '--allow-extension',
      'aapbdbdomjkkjkaonfhkkikfgjllcleb',
    ]);
    expect(code).toBe(0);
    expect(JSON.parse(out).ExtensionInstallAllowlist).toEqual([
      'hdelpkplhkpocfoajdbmibkebgpkflda',
      'cjpalhdlnbpafiamejdnhcphjbkeiagm',
      'ghbmnnjooekpmoecnnnilnnbdlolhkhi',
      'aapbdbdomjkkjkaonfhkkikfgjllcleb',
    ]);
  });

  it('--no-force-install leaves ExtensionInstallForcelist out', async () => {
    const { out } = await run(['compile', warnCn, '--target', 'chrome-linux', '--no-force-install']);
    expect(Object.keys(JSON.parse(out))).toEqual(['3rdparty']);
  });

  it('--help lists every target and option', async () => {
    const { code, out } = await run(['compile', '--help']);
    expect(code).toBe(0);
    for (const target of artifactTargets) expect(out).toContain(`  ${target} `);
    for (const flag of [
      '--target',
      '--extension-id',
      '--update-url',
      '--harden',
      '--allow-extension',
      '--out',
      '--no-force-install',
    ])
      expect(out).toContain(flag);
    expect((await run(['--help'])).out).toContain('compile FILE --target T');
  });

  it('leaves policy check as it was, with the browser rules the bundle needs', async () => {
    expect(await run(['check', warnCn])).toMatchObject({
      code: 0,
      out: `${warnCn}: ok: ${checkSummary()}\n${warnCn}: browser rules: 64 of 30,000 (redirects 20 of 5,000, regular expressions 56 of 1,000); one Continue adds up to 8 session rules (of 5,000, regular expressions 6 of 1,000)\n`,
      err: '',
    });
  });
});

function checkSummary(): string {
  return 'policy "Warn on China-processed AI services" version 1: 2 rules, mode enforce, fallback allow, catalog 167 services (+0 added, 0 overridden)';
}

describe('policy compile --reg-list-start', () => {
  it('numbers the force-install entry from N in the .reg file', async () => {
    const { code, out, err } = await run([
      'compile',
      warnCn,
      '--target',
      'chrome-windows',
      '--reg-list-start',
      '12',
    ]);
    expect([code, err]).toEqual([0, '']);
    expect(out).toMatch(/\\ExtensionInstallForcelist\]\r\n"12"="hdelpkplhkpocfoajdbmibkebgpkflda;/);
    expect(out).not.toMatch(/^"1"=/m);
  });

  it('names the flag when the value is not a whole number, or the target has no registry lists', async () => {
    const notNumber = await run(['compile', warnCn, '--target', 'edge-windows', '--reg-list-start', 'x']);
    expect(notNumber.code).toBe(1);
    expect(notNumber.err).toMatch(/^--reg-list-start: expected a whole number/m);
    const linux = await run(['compile', warnCn, '--target', 'chrome-linux', '--reg-list-start', '3']);
    expect(linux.code).toBe(1);
    expect(linux.err).toMatch(/^--reg-list-start: .*only to chrome-windows and edge-windows/m);
  });
});
