// performance.mark names the worker sets at start, read by `npm run bench` (bench/worker-start.bench.ts).
export const startMarks = {
  /** The worker's script has been evaluated and its main function runs. */
  workerStarted: 'gatehouse:worker-started',
  /** A policy's rules were installed (the first one: the worker's time from start to rules in force). */
  rulesInstalled: 'gatehouse:rules-installed',
  /** Managed storage answered (at browser start, the browser's policy service is up). */
  managedRead: 'gatehouse:managed-policy-read',
} as const;
