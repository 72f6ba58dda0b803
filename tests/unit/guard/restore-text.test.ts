import { describe, expect, it } from 'vitest';
import { restoreRun, type RunRestoration } from '../../../lib/guard/restore-text';

const originals: Record<string, string> = {
  '[EMAIL_1]': 'anna.berg@example.com',
  '[IBAN_1]': 'DE89370400440532013000',
  '[IT_CODICE_FISCALE_12]': 'RSSMRA85T10A562S',
};
const original = (placeholder: string) => originals[placeholder];
const inline = (pieces: string[]) => restoreRun(pieces, original, 'inline');

describe('restoreRun inline: the originals in the text the page shows', () => {
  it.each<[string, string[], string[]]>([
    ['one placeholder in one piece', ['Hi [EMAIL_1], thanks'], ['Hi anna.berg@example.com, thanks']],
    [
      'several, and a long type name',
      ['[EMAIL_1] pays [IBAN_1]; CF [IT_CODICE_FISCALE_12].'],
      ['anna.berg@example.com pays DE89370400440532013000; CF RSSMRA85T10A562S.'],
    ],
    [
      'split across two pieces: the original goes where it starts, the rest is removed',
      ['Hi [EMA', 'IL_1], thanks'],
      ['Hi anna.berg@example.com', ', thanks'],
    ],
    [
      'split across many pieces (a character per chunk)',
      ['to ', '[', 'E', 'M', 'A', 'I', 'L', '_', '1', ']', '!'],
      ['to ', 'anna.berg@example.com', '', '', '', '', '', '', '', '', '!'],
    ],
    ['split with empty pieces between', ['[EMAIL', '', '_1]'], ['anna.berg@example.com', '', '']],
    [
      'invented by the AI (no mapping): stays as it is',
      ['[EMAIL_7] and [EMAIL_1]'],
      ['[EMAIL_7] and anna.berg@example.com'],
    ],
    ['typed placeholders are not numbered ones', ['[EMAIL] and [EMAIL_]'], ['[EMAIL] and [EMAIL_]']],
    ['a number with a leading zero is not one Gatehouse wrote', ['[EMAIL_01]'], ['[EMAIL_01]']],
    ['nothing to restore', ['plain', ' text'], ['plain', ' text']],
  ])('%s', (_name, pieces, shown) => {
    expect(inline(pieces).shown).toEqual(shown);
  });

  it('marks each original where it is shown', () => {
    const result = inline(['Hi [EMA', 'IL_1] and [IBAN_1]']);
    expect(result.marks).toEqual([
      {
        start: { piece: 0, offset: 3 },
        end: { piece: 0, offset: 24 },
        placeholder: '[EMAIL_1]',
        original: 'anna.berg@example.com',
      },
      {
        start: { piece: 1, offset: 5 },
        end: { piece: 1, offset: 27 },
        placeholder: '[IBAN_1]',
        original: 'DE89370400440532013000',
      },
    ]);
    expect(result.shown).toEqual(['Hi anna.berg@example.com', ' and DE89370400440532013000']);
    expect(result.shown[1]!.slice(5, 27)).toBe('DE89370400440532013000');
    expect(result.joins).toEqual([false, true]);
  });
});

describe('restoreRun on a streamed answer', () => {
  /** Streams `text` in chunks of these sizes, each chunk a new piece, restoring after every chunk. */
  function stream(text: string, sizes: number[]): (RunRestoration & { page: string })[] {
    const pieces: string[] = [];
    const steps: (RunRestoration & { page: string })[] = [];
    let at = 0;
    for (let i = 0; at < text.length; i++) {
      const size = sizes[i % sizes.length]!;
      pieces.push(text.slice(at, at + size));
      at += size;
      steps.push({ ...inline(pieces), page: pieces.join('') });
    }
    return steps;
  }
  const answer = 'Dear [EMAIL_1],\n\n| IBAN | [IBAN_1] |\n\n```\nsend([EMAIL_1])\n```\n[EMAIL_9] is unknown.';
  const restored =
    'Dear anna.berg@example.com,\n\n| IBAN | DE89370400440532013000 |\n\n```\nsend(anna.berg@example.com)\n```\n[EMAIL_9] is unknown.';

  it.each([[[1]], [[3]], [[5, 2, 7]], [[13]], [[answer.length]]])(
    'shows the originals once each placeholder is complete, whatever the chunk sizes (%j)',
    (sizes) => {
      const steps = stream(answer, sizes);
      expect(steps.at(-1)!.shown.join('')).toBe(restored);
      // Before its closing bracket arrives, a placeholder is shown as it came.
      if (sizes[0]! < 9) expect(steps.some((s) => s.shown.join('').includes('[EMA'))).toBe(true);
    },
  );

  it('never shows half an original: each step shows the text so far, complete placeholders restored', () => {
    const unrestore = (shown: string) =>
      shown.replaceAll('anna.berg@example.com', '[EMAIL_1]').replaceAll('DE89370400440532013000', '[IBAN_1]');
    for (const step of stream(answer, [2, 3])) expect(unrestore(step.shown.join(''))).toBe(step.page);
  });
});

describe('restoreRun on-hover: the page keeps its text', () => {
  it('leaves every piece as the page wrote it and marks the placeholders, across pieces', () => {
    const result = restoreRun(['Hi [EMA', 'IL_1]!', ' [EMAIL_7]'], original, 'on-hover');
    expect(result.shown).toEqual(['Hi [EMA', 'IL_1]!', ' [EMAIL_7]']);
    expect(result.marks).toEqual([
      {
        start: { piece: 0, offset: 3 },
        end: { piece: 1, offset: 5 },
        placeholder: '[EMAIL_1]',
        original: 'anna.berg@example.com',
      },
    ]);
    expect(result.joins).toEqual([false, true, false]);
  });
});
