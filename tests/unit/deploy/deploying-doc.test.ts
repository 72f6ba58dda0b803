// Convention test: docs/deploying.md keeps up with the targets, the hardening settings and the log schema.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { artifactTargets } from '../../../lib/deploy/artifact-target';
import { chromiumHardening, firefoxHardening } from '../../../lib/deploy/hardening';
import { eventKinds } from '../../../lib/log/event-schema';

const doc = readFileSync('docs/deploying.md', 'utf8');
const section = (title: string) => doc.slice(doc.indexOf(`## ${title}`)).split(/\n## /)[0]!;

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

  it('lists every kind of log event for works councils and data-protection officers', () => {
    const logs = section('What Gatehouse logs');
    for (const kind of eventKinds) expect(logs, kind).toContain(`| \`${kind}\``);
  });
});
