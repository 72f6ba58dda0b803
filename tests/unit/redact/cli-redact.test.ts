import { describe, expect, it } from 'vitest';
import { redactCommand } from '../../../cli/commands/redact-command';
import type { CliIo } from '../../../cli/io';

function fakeIo(stdin: string): { io: CliIo; out: () => string; err: () => string } {
  let out = '';
  let err = '';
  const io: CliIo = {
    async *lines() {
      for (const line of stdin.split('\n')) yield line;
    },
    readAll: async () => stdin,
    out: (text) => (out += text),
    err: (text) => (err += text),
    readFile: () => '',
    writeFile: () => undefined,
  };
  return { io, out: () => out, err: () => err };
}

describe('redact command', () => {
  it('redacts plain text from stdin', async () => {
    const { io, out } = fakeIo('mail a@example.com\ncard 4111 1111 1111 1111\n');
    expect(await redactCommand.run([], io)).toBe(0);
    expect(out()).toBe('mail [EMAIL]\ncard [CREDIT_CARD]\n');
  });

  it('uses numbered placeholders with --numbered', async () => {
    const { io, out } = fakeIo('a@example.com b@example.com a@example.com');
    await redactCommand.run(['--numbered'], io);
    expect(out()).toBe('[EMAIL_1] [EMAIL_2] [EMAIL_1]');
  });

  it('processes JSON lines with UTF-16 spans, reporting malformed lines and carrying on', async () => {
    const input = [
      JSON.stringify({ id: 'a', text: '😀 a@example.com' }),
      '{"id": "b", "text": ',
      JSON.stringify({ id: 'c' }),
      '',
      JSON.stringify({ id: 7, text: 'IBAN GB82 WEST 1234 5698 7654 32' }),
    ].join('\n');
    const { io, out, err } = fakeIo(input);
    expect(await redactCommand.run(['--jsonl'], io)).toBe(1);
    expect(
      out()
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l)),
    ).toEqual([
      { id: 'a', text: '😀 [EMAIL]', spans: [{ start: 3, end: 16, type: 'EMAIL' }] },
      { id: 7, text: 'IBAN [IBAN]', spans: [{ start: 5, end: 32, type: 'IBAN' }] },
    ]);
    expect(err()).toMatch(/line 2: not valid JSON/);
    expect(err()).toMatch(/line 3: "text" must be a string/);
  });

  it('accepts a byte-order mark and CRLF line ends in JSON lines', async () => {
    const { io, out, err } = fakeIo('\uFEFF{"id":"x","text":"a@example.com"}\r');
    expect(await redactCommand.run(['--jsonl'], io)).toBe(0);
    expect(JSON.parse(out())).toEqual({
      id: 'x',
      text: '[EMAIL]',
      spans: [{ start: 0, end: 13, type: 'EMAIL' }],
    });
    expect(err()).toBe('');
  });

  it('prints help', async () => {
    const { io, out } = fakeIo('');
    expect(await redactCommand.run(['--help'], io)).toBe(0);
    expect(out()).toMatch(/--jsonl/);
  });

  it('rejects unknown options and types', async () => {
    const first = fakeIo('');
    expect(await redactCommand.run(['--bogus'], first.io)).toBe(1);
    expect(first.err()).toMatch(/Unknown option "--bogus"/);
    const second = fakeIo('');
    expect(await redactCommand.run(['--types=EMAIL,NAME'], second.io)).toBe(1);
    expect(second.err()).toMatch(/Unknown type\(s\): NAME/);
  });
});
