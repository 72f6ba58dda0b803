// The engine's output on the corpus and on thousands of seeded random edits of it must stay what was recorded:
// speed-ups and refactors must not change a single finding. An intended change of behaviour re-records the
// file (scripts/record-redact-regression.ts) in the same commit, so the diff shows how many results moved.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { redactText } from '../../../lib/redact/redact';
import { loadCorpus } from './corpus';
import { regressionFile, regressionLines, regressionSettings, regressionTexts } from './regression-texts';

describe('redaction regression', () => {
  it('finds exactly what was recorded, on every corpus document and seeded edit of one', () => {
    const texts = regressionTexts(loadCorpus());
    const recorded = readFileSync(regressionFile, 'utf8').trimEnd().split('\n');
    const now = regressionLines(texts);
    expect(now).toHaveLength(recorded.length);
    const changed = now.filter((line, i) => line !== recorded[i]);
    // Name the first few changed texts with today's result, to show what moved.
    const shown = changed.slice(0, 3).map((line) => {
      const [settingsName, index] = line.split(' ');
      const settings = regressionSettings.find(([name]) => name === settingsName)![1];
      const text = texts[Number(index)]!;
      return { settings: settingsName, text, result: redactText(text, settings) };
    });
    expect({ changed: changed.length, shown }).toEqual({ changed: 0, shown: [] });
  });
});
