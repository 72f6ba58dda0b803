// The engine against the labelled corpus in tests/fixtures/redact-corpus.txt: per-type precision and
// recall, micro F1, and false alarms on documents without personal data.
import { describe, expect, it } from 'vitest';
import { findPii } from '../../../lib/redact/redact';
import { piiTypes } from '../../../lib/redact/settings';
import { loadCorpus, parseCorpus, scoreCorpus } from './corpus';

describe('corpus format', () => {
  it('turns markers into text and spans', () => {
    const [doc] = parseCorpus('=== one | en email\nmail ⟦EMAIL:a@b.io⟧ or ⟦PHONE:＋44⟨200B⟩1⟧.\n\n');
    expect(doc).toEqual({
      id: 'one',
      tags: ['en', 'email'],
      text: 'mail a@b.io or ＋44\u200b1.',
      spans: [
        { start: 5, end: 11, type: 'EMAIL' },
        { start: 15, end: 20, type: 'PHONE' },
      ],
    });
  });

  it('labels only known types, and labels are non-empty', () => {
    for (const doc of loadCorpus()) {
      for (const span of doc.spans) {
        expect(piiTypes).toContain(span.type);
        expect(span.end).toBeGreaterThan(span.start);
      }
    }
  });
});

describe('engine on the corpus', () => {
  const documents = loadCorpus();
  const score = scoreCorpus(documents, (text) => findPii(text));
  const report = [...score.perType].map(
    ([type, s]) =>
      `${type.padEnd(18)} P=${s.precision.toFixed(3)} R=${s.recall.toFixed(3)} (tp ${s.tp}, fp ${s.fp}, fn ${s.fn})`,
  );
  console.log(
    `redaction corpus: ${documents.length} documents, micro F1 ${score.micro.f1.toFixed(3)}, ` +
      `false alarms on ${score.cleanDocuments} clean documents ${(score.falseAlarmRate * 100).toFixed(1)}%\n` +
      report.join('\n'),
  );

  it('has enough material to mean something', () => {
    expect(documents.length).toBeGreaterThanOrEqual(200);
    expect(score.cleanDocuments).toBeGreaterThanOrEqual(100);
    expect(score.micro.tp + score.micro.fn).toBeGreaterThanOrEqual(300);
  });

  it('reaches micro F1 >= 0.98', () => {
    expect(score.micro.f1).toBeGreaterThanOrEqual(0.98);
  });

  it('raises false alarms on at most 2% of documents without personal data', () => {
    expect(score.falseAlarmRate).toBeLessThanOrEqual(0.02);
  });

  const labelled = piiTypes.filter((t) => t !== 'CUSTOM');
  it.each(labelled)('%s: precision and recall >= 0.9', (type) => {
    const s = score.perType.get(type);
    expect(s, `${type} has labelled examples`).toBeDefined();
    expect({ type, precision: s!.precision, recall: s!.recall }).toEqual({
      type,
      precision: expect.toSatisfy((p: number) => p >= 0.9),
      recall: expect.toSatisfy((r: number) => r >= 0.9),
    });
  });
});
