// `fn(...list)`, `list.push(...more)` and `Math.min(...cells)` put every element on the call stack: with a
// large enough list (a 40,000-host policy, a 2 MB paste) they throw RangeError, and in enforcement code a
// throw fails open. lib/ uses loops, reduce or array literals instead; this test finds every such call.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(file);
    return /\.tsx?$/.test(entry.name) ? [file.split(path.sep).join('/')] : [];
  });
}

/** "file:line: call" for each call or `new` with a spread argument, and each `.apply(` with an argument list. */
export function spreadCalls(file: string, text: string): string[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    const call = ts.isCallExpression(node) || ts.isNewExpression(node) ? node : null;
    const spread = call?.arguments?.some(ts.isSpreadElement);
    const apply =
      ts.isCallExpression(node) &&
      ts.isPropertyAccessExpression(node.expression) &&
      node.expression.name.text === 'apply' &&
      node.arguments.length === 2;
    if (call && (spread || apply)) {
      const line = source.getLineAndCharacterOfPosition(call.getStart(source)).line + 1;
      found.push(`${file}:${line}: ${call.getText(source).split('\n')[0]}`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe('no argument spreads over arrays in lib/', () => {
  const calls = new Map(
    sourceFiles('lib').map((file) => [file, spreadCalls(file, readFileSync(file, 'utf8'))]),
  );

  it('finds none', () => {
    expect([...calls.values()].flat()).toEqual([]);
  });

  it.each([
    ['a spread argument', 'Math.min(...cells)', 1],
    ['a spread into push', 'found.push(...more)', 1],
    ['a spread into new', 'new Set(...lists)', 1],
    ['apply with an array', 'Math.max.apply(null, list)', 1],
    ['an array literal spread', 'const all = [...a, ...b]; f(all)', 0],
    ['an object spread', 'f({ ...a, b })', 0],
  ])('recognises %s', (_name, code, expected) => {
    expect(spreadCalls('x.ts', code)).toHaveLength(expected);
  });
});
