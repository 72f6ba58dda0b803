// `npm run bench`: every benchmark, each printing a table with its peer measured in the same run.
// `npm run bench -- NAME` runs one.
import { runDecideBench } from './decide.bench';
import { runRedactBench } from './redact.bench';
import { runPopupBench } from './popup.bench';

const only = process.argv[2];
const benches: [string, () => Promise<void>][] = [
  ['decide', runDecideBench],
  ['redact', runRedactBench],
  ['popup', runPopupBench],
];

for (const [name, bench] of benches) {
  if (only && only !== name) continue;
  await bench();
}
