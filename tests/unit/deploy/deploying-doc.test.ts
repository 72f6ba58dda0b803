// Convention test: docs/deploying.md keeps up with the targets and the hardening settings.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { artifactTargets } from '../../../lib/deploy/artifact-target';
import { chromiumHardening, firefoxHardening } from '../../../lib/deploy/hardening';

const doc = readFileSync('docs/deploying.md', 'utf8');
const section = (title: string) => doc.slice(doc.indexOf(`\n## ${title}`)).split(/\n## /)[1]!;

describe('docs/deploying.md', () => {
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
