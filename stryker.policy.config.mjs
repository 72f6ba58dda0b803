// Mutation testing of one lib/policy file against the policy unit tests only (vitest.mutation-policy.config.ts):
// the whole suite's initial run, with CLI tests that shell out through npm, times out on a loaded machine.
// npx stryker run stryker.policy.config.mjs --mutate lib/policy/decide.ts --ignoreStatic --tempDirName .stryker-tmp-decide
import base from './stryker.config.mjs';

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  ...base,
  vitest: { configFile: 'vitest.mutation-policy.config.ts' },
  reporters: ['clear-text', 'progress'],
  concurrency: 1,
};
