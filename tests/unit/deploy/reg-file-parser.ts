// A strict parser for the .reg subset policy files use (Registry Editor 5.00: keys, REG_SZ, REG_DWORD,
// comments), so tests read artifacts the way regedit does and fail on anything malformed.

export type RegValue = { type: 'REG_SZ'; value: string } | { type: 'REG_DWORD'; value: number };
export type RegKeys = Map<string, Map<string, RegValue>>;

export class RegSyntaxError extends Error {}

const header = 'Windows Registry Editor Version 5.00';
const hives = ['HKEY_LOCAL_MACHINE', 'HKEY_CURRENT_USER'];

export function parseRegFile(text: string): RegKeys {
  if (/\r(?!\n)|(?<!\r)\n/.test(text)) throw new RegSyntaxError('line breaks must be CRLF');
  if (/[^\x20-\x7e\r\n\t]/.test(text)) throw new RegSyntaxError('non-ASCII character in an ANSI .reg file');
  const lines = text.split('\r\n');
  if (lines[0] !== header) throw new RegSyntaxError(`line 1: expected "${header}"`);
  const keys: RegKeys = new Map();
  let current: Map<string, RegValue> | undefined;
  lines.slice(1).forEach((line, index) => {
    const at = `line ${index + 2}`;
    if (line === '' || line.startsWith(';')) return;
    if (line.startsWith('[')) {
      const match = /^\[([^\][]+)\]$/.exec(line);
      const path = match?.[1];
      if (!path) throw new RegSyntaxError(`${at}: malformed key ${line}`);
      const parts = path.split('\\');
      if (!hives.includes(parts[0]!) || parts.some((p) => p === ''))
        throw new RegSyntaxError(`${at}: malformed key path ${path}`);
      current = keys.get(path) ?? new Map();
      keys.set(path, current);
      return;
    }
    if (!current) throw new RegSyntaxError(`${at}: value outside a key`);
    const name = readString(line, 0, at);
    if (line[name.end] !== '=') throw new RegSyntaxError(`${at}: expected = after the value name`);
    const rest = line.slice(name.end + 1);
    let value: RegValue;
    if (rest.startsWith('"')) {
      const data = readString(rest, 0, at);
      if (data.end !== rest.length) throw new RegSyntaxError(`${at}: text after the string value`);
      value = { type: 'REG_SZ', value: data.text };
    } else {
      const dword = /^dword:([0-9a-f]{8})$/.exec(rest);
      if (!dword) throw new RegSyntaxError(`${at}: unsupported or malformed value ${rest.slice(0, 40)}`);
      value = { type: 'REG_DWORD', value: parseInt(dword[1]!, 16) };
    }
    if (current.has(name.text)) throw new RegSyntaxError(`${at}: duplicate value "${name.text}"`);
    current.set(name.text, value);
  });
  return keys;
}

/** Reads a quoted .reg string starting at `start`: only \\ and \" escapes exist. */
function readString(line: string, start: number, at: string): { text: string; end: number } {
  if (line[start] !== '"') throw new RegSyntaxError(`${at}: expected a quoted string`);
  let text = '';
  for (let i = start + 1; i < line.length; i++) {
    const c = line[i];
    if (c === '"') return { text, end: i + 1 };
    if (c === '\\') {
      const next = line[++i];
      if (next !== '\\' && next !== '"') throw new RegSyntaxError(`${at}: invalid escape \\${next ?? ''}`);
      text += next;
    } else text += c;
  }
  throw new RegSyntaxError(`${at}: unterminated string`);
}
