// Mutation testing of lib/policy: only the policy unit tests, so Stryker's initial run stays well under
// its timeout on a loaded machine (the whole suite includes CLI tests that shell out through npm).
// Use: npm run mutate:policy -- lib/policy/decide.ts (stryker.policy.config.mjs points here).
import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing';

export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    include: ['tests/unit/policy/**/*.test.ts'],
    setupFiles: ['tests/integration/setup.ts'],
    restoreMocks: true,
    testTimeout: 30_000,
  },
});
