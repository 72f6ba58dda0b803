// Loads the labelled corpus (tests/fixtures/redact-corpus.txt) and scores a detector against it.
// Shared by the unit tests and by `npm run bench`, so every engine is measured the same way.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { PiiType } from '../../../lib/redact/settings';

export interface LabelledSpan {
  start: number;
  end: number;
  type: PiiType;
}

export interface CorpusDocument {
  id: string;
  tags: string[];
  text: string;
  spans: LabelledSpan[];
}

const corpusPath = fileURLToPath(new URL('../../fixtures/redact-corpus.txt', import.meta.url));

// ⟨XXXX⟩ is a character given by its hex code point; ⟦TYPE:value⟧ labels value as TYPE.
function decodeEscapes(text: string): string {
  return text.replace(/⟨([0-9A-Fa-f]{4,6})⟩/g, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)));
}

export function parseCorpus(source: string): CorpusDocument[] {
  const documents: CorpusDocument[] = [];
  const blocks = source.split(/^=== /m).slice(1);
  for (const block of blocks) {
    const newline = block.indexOf('\n');
    const [id, tagList] = block
      .slice(0, newline)
      .split('|')
      .map((s) => s.trim());
    const body = block.slice(newline + 1).replace(/\n+$/, '');
    let text = '';
    const spans: LabelledSpan[] = [];
    let last = 0;
    for (const m of body.matchAll(/⟦([A-Z_]+):([\s\S]*?)⟧/g)) {
      text += decodeEscapes(body.slice(last, m.index));
      const value = decodeEscapes(m[2]!);
      spans.push({ start: text.length, end: text.length + value.length, type: m[1] as PiiType });
      text += value;
      last = m.index + m[0].length;
    }
    text += decodeEscapes(body.slice(last));
    documents.push({ id: id!, tags: (tagList ?? '').split(/\s+/).filter(Boolean), text, spans });
  }
  return documents;
}

export function loadCorpus(): CorpusDocument[] {
  return parseCorpus(readFileSync(corpusPath, 'utf8'));
}

export interface TypeScore {
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
  f1: number;
}

export interface CorpusScore {
  perType: Map<PiiType, TypeScore>;
  micro: TypeScore;
  /** Share of documents without personal data in which anything was reported. */
  falseAlarmRate: number;
  cleanDocuments: number;
  errors: { id: string; kind: 'missed' | 'false alarm'; type: string; value: string }[];
}

function finish(tp: number, fp: number, fn: number): TypeScore {
  const precision = tp + fp === 0 ? 1 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 1 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { tp, fp, fn, precision, recall, f1 };
}

/**
 * A prediction counts when it has the labelled type and overlaps a labelled span not matched yet, so engines
 * that draw boundaries slightly differently (a "+" or a bracket more or less) are not penalised twice.
 * Predictions of kinds the corpus does not label (names, street addresses) are ignored, not counted.
 */
export function scoreCorpus(
  documents: CorpusDocument[],
  predict: (text: string) => { start: number; end: number; type: PiiType | undefined }[],
): CorpusScore {
  const counts = new Map<PiiType, { tp: number; fp: number; fn: number }>();
  const bucket = (type: PiiType) => {
    let c = counts.get(type);
    if (!c) counts.set(type, (c = { tp: 0, fp: 0, fn: 0 }));
    return c;
  };
  const errors: CorpusScore['errors'] = [];
  let clean = 0;
  let alarmed = 0;
  for (const doc of documents) {
    const predictions = predict(doc.text).filter((p): p is LabelledSpan => p.type !== undefined);
    if (doc.spans.length === 0) {
      clean++;
      if (predictions.length > 0) alarmed++;
    }
    const matched = new Set<LabelledSpan>();
    for (const p of predictions) {
      const hit = doc.spans.find(
        (g) => !matched.has(g) && g.type === p.type && g.start < p.end && p.start < g.end,
      );
      if (hit) {
        matched.add(hit);
        bucket(p.type).tp++;
      } else {
        bucket(p.type).fp++;
        errors.push({ id: doc.id, kind: 'false alarm', type: p.type, value: doc.text.slice(p.start, p.end) });
      }
    }
    for (const g of doc.spans) {
      if (matched.has(g)) continue;
      bucket(g.type).fn++;
      errors.push({ id: doc.id, kind: 'missed', type: g.type, value: doc.text.slice(g.start, g.end) });
    }
  }
  const perType = new Map<PiiType, TypeScore>();
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const [type, c] of [...counts].sort(([a], [b]) => a.localeCompare(b))) {
    perType.set(type, finish(c.tp, c.fp, c.fn));
    tp += c.tp;
    fp += c.fp;
    fn += c.fn;
  }
  return {
    perType,
    micro: finish(tp, fp, fn),
    falseAlarmRate: clean === 0 ? 0 : alarmed / clean,
    cleanDocuments: clean,
    errors,
  };
}
