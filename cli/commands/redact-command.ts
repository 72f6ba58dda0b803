// `redact`: redact personal data and secrets from stdin (plain text, or JSON lines with --jsonl).
import { redactText, RedactionInputTooLargeError } from '../../lib/redact/redact';
import { piiTypes, type PiiType, type RedactionSettings } from '../../lib/redact/settings';
import { wantsHelp, type CliIo, type Command } from '../io';

const help = `Usage: npm run --silent cli -- redact [options] < input

Reads text on stdin and prints it with personal data and secrets replaced by placeholders.

Options:
  --jsonl            Read one JSON object {"id","text"} per line; print per line, in order,
                     {"id","text":<redacted>,"spans":[{"start","end","type"}]} where start/end are
                     UTF-16 offsets (end exclusive) into the input text. Malformed lines are reported
                     on stderr with their line number and skipped; the exit code is then 1.
  --numbered         Use numbered placeholders ([EMAIL_1]; the same value gets the same number).
  --types=A,B        Only detect these types (default: all). Types: ${piiTypes.join(', ')}
  -h, --help         Show this help.
`;

function parseOptions(args: string[]): { settings: Partial<RedactionSettings>; jsonl: boolean } | string {
  const settings: Partial<RedactionSettings> = {};
  let jsonl = false;
  for (const arg of args) {
    if (arg === '--jsonl') jsonl = true;
    else if (arg === '--numbered') settings.placeholder = 'numbered';
    else if (arg.startsWith('--types=')) {
      const types = arg.slice('--types='.length).split(',').filter(Boolean);
      const unknown = types.filter((t) => !(piiTypes as readonly string[]).includes(t));
      if (unknown.length > 0) return `Unknown type(s): ${unknown.join(', ')}`;
      settings.types = types as PiiType[];
    } else return `Unknown option "${arg}"`;
  }
  return { settings, jsonl };
}

function parseLine(line: string): { id: unknown; text: string } | string {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (error) {
    return `not valid JSON (${error instanceof Error ? error.message : String(error)})`;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'expected a JSON object';
  const record = value as Record<string, unknown>;
  if (!('id' in record)) return 'missing "id"';
  if (typeof record.text !== 'string') return '"text" must be a string';
  return { id: record.id, text: record.text };
}

async function runJsonl(io: CliIo, settings: Partial<RedactionSettings>): Promise<number> {
  let lineNumber = 0;
  let failures = 0;
  for await (const line of io.lines()) {
    lineNumber++;
    if (line.trim() === '') continue;
    // Files saved by some Windows editors start with a byte-order mark.
    const parsed = parseLine(lineNumber === 1 ? line.replace(/^\uFEFF/, '') : line);
    if (typeof parsed === 'string') {
      io.err(`redact: line ${lineNumber}: ${parsed}\n`);
      failures++;
      continue;
    }
    try {
      const result = redactText(parsed.text, settings);
      const spans = result.findings.map((f) => ({ start: f.start, end: f.end, type: f.type }));
      io.out(JSON.stringify({ id: parsed.id, text: result.text, spans }) + '\n');
    } catch (error) {
      if (!(error instanceof RedactionInputTooLargeError)) throw error;
      io.err(`redact: line ${lineNumber}: ${error.message}\n`);
      failures++;
    }
  }
  return failures > 0 ? 1 : 0;
}

export const redactCommand: Command = {
  name: 'redact',
  summary: 'Redact personal data and secrets from stdin (text or --jsonl)',
  help,
  async run(args, io) {
    if (wantsHelp(args)) {
      io.out(help);
      return 0;
    }
    const options = parseOptions(args);
    if (typeof options === 'string') {
      io.err(`redact: ${options}\n\n${help}`);
      return 1;
    }
    if (options.jsonl) return runJsonl(io, options.settings);
    const input = await io.readAll();
    try {
      io.out(redactText(input, options.settings).text);
      return 0;
    } catch (error) {
      if (!(error instanceof RedactionInputTooLargeError)) throw error;
      io.err(`redact: ${error.message}\n`);
      return 1;
    }
  },
};
