// Mutation testing (a development tool, not run in CI): `npm run mutate -- lib/policy/decide.ts`.
// perTest coverage runs only the tests that reach a mutant, so one file takes minutes, not hours.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  plugins: ['@stryker-mutator/vitest-runner'],
  vitest: { configFile: 'vitest.mutation.config.ts' },
  coverageAnalysis: 'perTest',
  reporters: ['clear-text', 'progress', 'html'],
  htmlReporter: { fileName: 'reports/mutation/index.html' },
  tempDirName: '.stryker-tmp',
  concurrency: 2,
  timeoutMS: 20_000,
  // Without --mutate nothing is mutated: name the file(s) to test, e.g. npm run mutate -- lib/redact/detect-iban.ts
  mutate: [],
};
