// Turns zod issues and JSON syntax errors into one-line problems that name where they are.
import type { z } from 'zod';

export interface PathProblem {
  /** JSON path such as "rules[0].action", or "line 3, column 5" for syntax errors. */
  path: string;
  message: string;
}

export function formatPath(path: readonly PropertyKey[], prefix = ''): string {
  let out = prefix;
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out ? `.${String(key)}` : String(key);
  }
  return out || '(root)';
}

export function formatZodIssues(issues: readonly z.core.$ZodIssue[], prefix = ''): PathProblem[] {
  return issues.flatMap((issue) => {
    if (issue.code === 'invalid_union' && 'errors' in issue && issue.errors.length) {
      // Report the branch that got furthest rather than "invalid input".
      const best = [...issue.errors].sort((a, b) => deepest(b) - deepest(a))[0] ?? [];
      return formatZodIssues(
        best.map((sub) => ({ ...sub, path: [...issue.path, ...sub.path] })),
        prefix,
      );
    }
    return [{ path: formatPath(issue.path, prefix), message: describeIssue(issue) }];
  });
}

function deepest(issues: readonly z.core.$ZodIssue[]): number {
  return issues.reduce((max, i) => Math.max(max, i.path.length), 0);
}

function describeIssue(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_value':
      return `expected one of ${issue.values.map(String).join('|')}`;
    case 'unrecognized_keys':
      return `unknown key${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
    case 'invalid_type':
      return issue.message.startsWith('Invalid input:')
        ? issue.message.replace('Invalid input: ', '')
        : issue.message;
    default:
      return issue.message;
  }
}

/** Parses JSON text, reporting a syntax error with its line and column. */
export function parseJsonText(
  text: string,
): { ok: true; value: unknown } | { ok: false; problem: PathProblem } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const position = /at position (\d+)/.exec(message);
    const offset = position ? Number(position[1]) : text.length;
    const before = text.slice(0, offset);
    const line = before.split('\n').length;
    const column = offset - before.lastIndexOf('\n');
    const reason = message.replace(/ in JSON at position \d+.*$/, '').replace(/^JSON\.parse: /, '');
    return {
      ok: false,
      problem: { path: `line ${line}, column ${column}`, message: `invalid JSON: ${reason}` },
    };
  }
}
