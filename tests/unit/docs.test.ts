// Convention: every document is reachable from the README, every relative link resolves, and the
// README stays an overview (each topic said once, in its own document).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { eventKinds } from '../../lib/log/event-schema';

const documents = [
  'README.md',
  'CONTRIBUTING.md',
  ...readdirSync('docs')
    .filter((f) => f.endsWith('.md'))
    .map((f) => `docs/${f}`),
  'lib/redact/README.md',
];
const read = (file: string) => readFileSync(file, 'utf8');
const links = (file: string) =>
  [...read(file).matchAll(/\]\(([^)\s]+)\)/g)]
    .map((m) => m[1]!)
    .filter((href) => !/^[a-z]+:/.test(href) && !href.startsWith('#'));

describe('documentation', () => {
  it.each(documents)('%s links only to files that exist', (file) => {
    for (const href of links(file)) {
      const target = path.join(path.dirname(file), href.split('#')[0]!);
      expect(existsSync(target), `${file} → ${href}`).toBe(true);
    }
  });

  it('the README links to every document', () => {
    const linked = new Set(links('README.md').map((href) => path.normalize(href.split('#')[0]!)));
    for (const file of documents.filter((f) => f !== 'README.md')) expect(linked, file).toContain(file);
  });

  it('the README is an overview of about 10 KB', () => {
    expect(Buffer.byteLength(read('README.md'))).toBeLessThan(12_000);
  });

  it('lists the log events in one place only: docs/what-is-logged.md', () => {
    const listing = (file: string) => eventKinds.filter((kind) => read(file).includes(`| \`${kind}\``));
    for (const file of documents) {
      if (file === 'docs/what-is-logged.md') expect(listing(file)).toEqual([...eventKinds]);
      else expect(listing(file), file).toEqual([]);
    }
  });
});
