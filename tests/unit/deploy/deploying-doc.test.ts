// Convention test: README's Deploying section keeps up with the targets, the hardening settings and the log schema.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { artifactTargets } from '../../../lib/deploy/artifact-target';
import { chromiumHardening, firefoxHardening } from '../../../lib/deploy/hardening';

const readme = readFileSync('README.md', 'utf8');
const doc = readme.slice(readme.indexOf('\n## Deploying')).split(/\n## (?!#)/)[1]!;
const section = (title: string) => doc.slice(doc.indexOf(`### ${title}`)).split(/\n### /)[0]!;

describe('README: Deploying', () => {
  it.each(artifactTargets)('shows the compile command for %s', (target) => {
    expect(doc).toContain(`--target ${target}`);
  });

  it('explains every hardening setting', () => {
    const hardening = section('Hardening');
    const names = [
      ...Object.keys(chromiumHardening({ browser: 'chrome', extensionId: 'x', allowExtensions: [] })),
      ...Object.keys(chromiumHardening({ browser: 'edge', extensionId: 'x', allowExtensions: [] })),
      ...Object.keys(firefoxHardening([]).policies),
      'private_browsing',
    ];
    for (const name of names) expect(hardening, name).toContain(name);
  });
});
