// A CliIo over strings, so command tests see exactly what a terminal would.
import type { CliIo } from '../../../cli/io';

export interface FakeIo extends CliIo {
  stdout: string;
  stderr: string;
  files: Map<string, string>;
}

export function fakeIo(stdin = '', files: Record<string, string> = {}): FakeIo {
  const io: FakeIo = {
    stdout: '',
    stderr: '',
    files: new Map(Object.entries(files)),
    async *lines() {
      const lines = stdin.split(/\r?\n/);
      if (lines.at(-1) === '') lines.pop();
      yield* lines;
    },
    readAll: async () => stdin,
    out: (text) => {
      io.stdout += text;
    },
    err: (text) => {
      io.stderr += text;
    },
    readFile: (path) => {
      const text = io.files.get(path);
      if (text === undefined) throw Object.assign(new Error(`ENOENT: ${path}`), { code: 'ENOENT' });
      return text;
    },
    writeFile: (path, text) => {
      io.files.set(path, text);
    },
  };
  return io;
}
