// CONTRIBUTING.md's Layout section is the map of lib/: every folder (and root file) in it, and nothing that is gone.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

function layoutSection(): string {
  const doc = readFileSync('CONTRIBUTING.md', 'utf8');
  const start = doc.indexOf('\n## Layout\n');
  const end = doc.indexOf('\n## ', start + 1);
  expect(start).toBeGreaterThanOrEqual(0);
  return doc.slice(start, end);
}

const libEntries = readdirSync('lib', { withFileTypes: true }).map((entry) =>
  entry.isDirectory() ? `${entry.name}/` : entry.name,
);

describe("CONTRIBUTING.md's Layout section", () => {
  it.each(libEntries.filter((name) => !name.endsWith('.md')))('lists lib/%s', (name) => {
    expect(layoutSection()).toMatch(new RegExp(`^ {2}${name.replace('.', '\\.')}\\s`, 'm'));
  });

  it('lists no lib/ entry that does not exist', () => {
    const listed = [...layoutSection().matchAll(/^ {2}([a-z-]+(?:\/|\.ts))\s/gm)].map((m) => m[1]);
    expect(listed.length).toBeGreaterThan(10);
    expect(listed.filter((name) => !libEntries.includes(name!))).toEqual([]);
  });
});
