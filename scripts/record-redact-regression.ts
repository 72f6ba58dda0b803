// Records what the redaction engine finds today on the regression texts (tests/unit/redact/regression-texts.ts),
// for tests/unit/redact/regression.test.ts. Run it only when a change of the engine's output is intended:
//   npx tsx scripts/record-redact-regression.ts
import { writeFileSync } from 'node:fs';
import { loadCorpus } from '../tests/unit/redact/corpus';
import { regressionFile, regressionLines, regressionTexts } from '../tests/unit/redact/regression-texts';

const lines = regressionLines(regressionTexts(loadCorpus()));
writeFileSync(regressionFile, lines.join('\n') + '\n');
console.log(`${regressionFile}: ${lines.length} results recorded`);
