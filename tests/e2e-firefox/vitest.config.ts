import { defineConfig } from 'vitest/config';

// Real Firefox: one file at a time (each launches a browser; the machine has 2 cores shared with others),
// tests inside a file in order, sharing that file's browser.
export default defineConfig({
  test: {
    include: ['tests/e2e-firefox/**/*.test.ts'],
    fileParallelism: false,
    sequence: { concurrent: false },
    testTimeout: 60_000,
    // Launches wait for the machine-wide managed-policy lock, which another run may hold a while.
    hookTimeout: 420_000,
    retry: 0,
  },
});
