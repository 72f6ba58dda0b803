// `npm run bench` (redaction part): throughput, paste latency and corpus F1 of our engine and its npm peers,
// measured in the same run on the same realistic mixed text.
import { redactText } from '../lib/redact/redact';
import { loadCorpus, scoreCorpus, type CorpusDocument } from '../tests/unit/redact/corpus';
import { peerEngines, type Engine } from './peers';

const MB = 1024 * 1024;

/** Corpus documents, in a fixed interleaved order, repeated until the text is `size` characters long. */
function mixedText(documents: CorpusDocument[], size: number): string {
  const parts: string[] = [];
  let length = 0;
  for (let round = 0; length < size; round++) {
    for (let i = 0; i < documents.length && length < size; i++) {
      const doc = documents[(i * 7 + round) % documents.length]!;
      parts.push(doc.text);
      length += doc.text.length + 2;
    }
  }
  return parts.join('\n\n').slice(0, size);
}

/** Mean milliseconds per call, over as many calls as fit in `budgetMs` (at least `minRuns`). */
function timePerCall(run: () => unknown, budgetMs: number, minRuns: number): number {
  run(); // warm-up: JIT and lazily built tables
  let runs = 0;
  const started = performance.now();
  let elapsed = 0;
  while (runs < minRuns || elapsed < budgetMs) {
    run();
    runs++;
    elapsed = performance.now() - started;
  }
  return elapsed / runs;
}

interface Row {
  name: string;
  mbPerSecond: number;
  throughputSample: string;
  msPer2kb: number;
  f1: number;
  precision: number;
  recall: number;
}

function measure(engine: Engine, documents: CorpusDocument[], bulk: string, paste: string): Row {
  const score = scoreCorpus(documents, (text) => engine.spans(text));
  // Engines that would need over a second per MB are timed on a 64 KB prefix so the run finishes (noted in the
  // table); for engines that slow down on longer input this flatters them.
  const pasteMs = timePerCall(() => engine.redact(paste), 1000, 20);
  const slow = pasteMs * (bulk.length / paste.length) > 1000;
  const sample = slow ? bulk.slice(0, 64 * 1024) : bulk;
  const bulkMs = timePerCall(() => engine.redact(sample), slow ? 3000 : 2000, 3);
  return {
    name: engine.name,
    mbPerSecond: sample.length / MB / (bulkMs / 1000),
    throughputSample: slow ? '64 KB' : '1 MB',
    msPer2kb: pasteMs,
    f1: score.micro.f1,
    precision: score.micro.precision,
    recall: score.micro.recall,
  };
}

export async function runRedactBench(): Promise<void> {
  const documents = loadCorpus();
  const bulk = mixedText(documents, MB);
  const paste = mixedText(documents, 2048);
  const gatehouse: Engine = {
    name: 'gatehouse (this engine)',
    redact: (text) => redactText(text),
    spans: (text) => redactText(text).findings,
  };
  const rows = [gatehouse, ...peerEngines()].map((engine) => measure(engine, documents, bulk, paste));
  const spans = documents.reduce((n, d) => n + d.spans.length, 0);
  console.log(
    `\nRedaction: ${documents.length} corpus documents (${spans} labelled spans), 1 MB mixed text, 2 KB paste`,
  );
  console.log('| engine | MB/s (mixed text) | ms per 2 KB paste | corpus F1 | precision | recall |');
  console.log('|---|---:|---:|---:|---:|---:|');
  for (const r of rows) {
    const note = r.throughputSample === '1 MB' ? '' : ` (timed on ${r.throughputSample})`;
    console.log(
      `| ${r.name} | ${r.mbPerSecond.toFixed(2)}${note} | ${r.msPer2kb.toFixed(3)} | ${r.f1.toFixed(3)} | ${r.precision.toFixed(3)} | ${r.recall.toFixed(3)} |`,
    );
  }
  const ours = rows[0]!;
  const fastestPeer = rows.slice(1).reduce((a, b) => (b.mbPerSecond > a.mbPerSecond ? b : a));
  console.log(
    `\nThroughput vs fastest peer (${fastestPeer.name}): ${(ours.mbPerSecond / fastestPeer.mbPerSecond).toFixed(2)}x; ` +
      `F1 ${ours.f1.toFixed(3)} vs ${fastestPeer.f1.toFixed(3)}`,
  );
}
