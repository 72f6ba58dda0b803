// `npm run bench`: every benchmark, one after another. Add yours as an import and a call.
import { runCompileDnrBench } from './compile-dnr.bench';
import { runPasteGuardBench } from './paste-guard.bench';
import { runRedactBench } from './redact.bench';

await runRedactBench();
await runCompileDnrBench();
await runPasteGuardBench();
