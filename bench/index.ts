// `npm run bench`: every benchmark, each printing a table with its peer measured in the same run.
// `npm run bench -- NAME` runs one.
import { runAnswerRestoreBench } from './answer-restore.bench';
import { runCompileDnrBench } from './compile-dnr.bench';
import { runDecideBench } from './decide.bench';
import { runForwardBench } from './forward.bench';
import { runPasteGuardBench } from './paste-guard.bench';
import { runPopupBench } from './popup.bench';
import { runRedactBench } from './redact.bench';
import { runSendGuardBench } from './send-guard.bench';
import { runWorkerStartBench } from './worker-start.bench';

const only = process.argv[2];
const benches: [string, () => Promise<void>][] = [
  ['decide', runDecideBench],
  ['compile-dnr', runCompileDnrBench],
  ['redact', runRedactBench],
  ['paste', runPasteGuardBench],
  ['send', runSendGuardBench],
  ['restore', runAnswerRestoreBench],
  ['popup', runPopupBench],
  ['forward', runForwardBench],
  ['worker-start', runWorkerStartBench],
];

for (const [name, bench] of benches) {
  if (only && only !== name) continue;
  await bench();
}
