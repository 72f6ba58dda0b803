// Mutation testing of one lib/redact file against the redaction unit tests only
// (vitest.mutation-redact.config.ts): the figures in lib/redact/README.md are measured this way.
// npm run mutate:redact -- lib/redact/scan-text.ts
import base from './stryker.config.mjs';

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  ...base,
  vitest: { configFile: 'vitest.mutation-redact.config.ts' },
  reporters: ['clear-text', 'progress', 'json'],
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  concurrency: 1,
};
