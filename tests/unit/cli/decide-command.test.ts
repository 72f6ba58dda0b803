import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { decideCommand } from '../../../cli/commands/decide-command';
import { shippedCatalog } from '../../../lib/catalog/shipped-catalog';
import { fakeIo } from './fake-io';

const lines = (text: string) =>
  text
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as Record<string, unknown>);

describe('cli decide', () => {
  it('prints one JSON object per URL argument with exactly the contract fields', async () => {
    const io = fakeIo();
    const code = await decideCommand.run(['https://chat.deepseek.com/', 'https://www.baidu.com/'], io);
    expect(code).toBe(0);
    expect(lines(io.stdout)).toEqual([
      {
        url: 'https://chat.deepseek.com/',
        action: 'block',
        service: 'deepseek',
        jurisdiction: 'CN',
        rule: 'block-cn-jurisdiction',
      },
      { url: 'https://www.baidu.com/', action: 'none', service: null, jurisdiction: null, rule: null },
    ]);
  });

  it('reads URLs from stdin when there are no arguments, skipping blank lines', async () => {
    const io = fakeIo('https://chatgpt.com/\n\n  https://chat.qwen.ai/  \nnot a url\n');
    expect(await decideCommand.run([], io)).toBe(0);
    expect(lines(io.stdout).map((l) => [l.url, l.action])).toEqual([
      ['https://chatgpt.com/', 'allow'],
      ['https://chat.qwen.ai/', 'warn'],
      ['not a url', 'none'],
    ]);
  });

  it('applies --policy', async () => {
    const policy = JSON.stringify({
      name: 'p',
      version: '1',
      rules: [{ id: 'w', match: { jurisdictions: ['CN'] }, action: 'warn' }],
    });
    const io = fakeIo('', { 'p.json': policy });
    await decideCommand.run(['--policy', 'p.json', 'https://chat.deepseek.com/'], io);
    expect(lines(io.stdout)[0]).toMatchObject({ action: 'warn', rule: 'w' });
  });

  it('refuses an invalid --policy with its problems and no output', async () => {
    const io = fakeIo('', { 'bad.json': '{"name":"p","version":"1","mode":"strict"}' });
    expect(await decideCommand.run(['--policy', 'bad.json', 'https://chat.deepseek.com/'], io)).toBe(1);
    expect(io.stdout).toBe('');
    expect(io.stderr).toContain('mode: expected one of enforce|audit');
  });

  it('names a missing policy file', async () => {
    const io = fakeIo();
    expect(await decideCommand.run(['--policy', 'missing.json', 'https://x.example/'], io)).toBe(1);
    expect(io.stderr).toContain('missing.json: cannot read the file (ENOENT)');
  });

  it('adds reason and match with --explain', async () => {
    const io = fakeIo();
    await decideCommand.run(['--explain', 'https://github.com/copilot'], io);
    expect(lines(io.stdout)[0]).toMatchObject({ service: 'github-copilot', match: 'github.com/copilot' });
  });

  it('explains with the deciding rule, the criteria it met and the service facts', async () => {
    const io = fakeIo();
    await decideCommand.run(['--explain', 'https://chat.deepseek.com/'], io);
    expect(lines(io.stdout)[0]).toEqual({
      url: 'https://chat.deepseek.com/',
      action: 'block',
      service: 'deepseek',
      jurisdiction: 'CN',
      rule: 'block-cn-jurisdiction',
      serviceName: 'DeepSeek (chat, app, API platform)',
      parentCountry: 'CN',
      category: 'chat',
      ruleDescription: "Services that process or store prompts in the People's Republic of China",
      matchedOn: { jurisdictions: 'CN' },
      enforced: true,
      reason:
        '"chat.deepseek.com" is DeepSeek (chat, app, API platform) (data processed in CN); rule "block-cn-jurisdiction" applies → block',
      match: 'chat.deepseek.com',
    });
  });

  it('prints the policy view with --services: one explained line per catalog service', async () => {
    const io = fakeIo();
    expect(await decideCommand.run(['--services'], io)).toBe(0);
    const rows = lines(io.stdout);
    expect(rows).toHaveLength(shippedCatalog().length);
    expect(rows.find((r) => r.service === 'deepseek')).toMatchObject({
      action: 'block',
      rule: 'block-cn-jurisdiction',
      matchedOn: { jurisdictions: 'CN' },
      host: 'deepseek.com',
      origin: 'catalog',
    });
    // The same data as decide --explain on that address: one implementation.
    const explained = fakeIo();
    await decideCommand.run(['--explain', 'https://deepseek.com/'], explained);
    const { url: _url, ...perUrl } = lines(explained.stdout)[0]!;
    expect(rows.find((r) => r.service === 'deepseek')).toMatchObject(perUrl);
  });

  it('refuses URLs together with --services', async () => {
    const io = fakeIo();
    expect(await decideCommand.run(['--services', 'https://chatgpt.com/'], io)).toBe(1);
    expect(io.stdout).toBe('');
    expect(io.stderr).toBe('decide: --services takes no URLs\n');
  });

  it('has --help', async () => {
    const io = fakeIo();
    expect(await decideCommand.run(['--help'], io)).toBe(0);
    expect(io.stdout).toContain('Usage: npm run --silent cli -- decide');
  });

  it('works through npm exactly as documented', () => {
    const out = execFileSync('npm', ['run', '--silent', 'cli', '--', 'decide'], {
      input: 'https://chat.deepseek.com/\n',
      encoding: 'utf8',
    });
    expect(out).toBe(
      '{"url":"https://chat.deepseek.com/","action":"block","service":"deepseek","jurisdiction":"CN","rule":"block-cn-jurisdiction"}\n',
    );
  });
});
