import { describe, expect, it } from 'vitest';
import { eventKinds, logEventSchema } from '../../../lib/log/event-schema';
import { whatIsLoggedMarkdown } from '../../../lib/log/what-is-logged';
import { guardBlockReasons } from '../../../lib/guard/block-reasons';

const doc = whatIsLoggedMarkdown();
const row = (kind: string) => doc.split('\n').find((line) => line.startsWith(`| \`${kind}\` |`)) ?? '';

describe('docs/what-is-logged.md, generated from the event schema', () => {
  it.each(eventKinds)('has a row for %s saying when it is recorded', (kind) => {
    const [, when] = row(kind).split(' | ');
    expect(when?.trim()).toMatch(/\w{3,}/);
  });

  it.each(
    logEventSchema.options.flatMap((option) =>
      Object.keys(option.shape)
        .filter((f) => !['id', 'time', 'kind', 'service', 'host', 'url', 'rule', 'incognito'].includes(f))
        .map((field) => [option.shape.kind.value, field] as const),
    ),
  )('%s lists its field %s', (kind, field) => {
    expect(row(kind)).toContain(`\`${field}\`: `);
  });

  it('names every reason a paste can be refused for', () => {
    for (const reason of guardBlockReasons) expect(row('paste_blocked')).toContain(`\`${reason}\``);
  });

  it('says what is never recorded', () => {
    expect(doc).toContain('**never the values, never the text**');
    expect(doc).toContain('## What is not recorded');
  });
});
