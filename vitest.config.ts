import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing';

export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/integration/**/*.test.ts'],
    setupFiles: ['tests/integration/setup.ts'],
    restoreMocks: true,
    // A few CLI tests spawn npm; on a loaded 2-core machine that alone can take seconds.
    testTimeout: 30_000,
  },
});
