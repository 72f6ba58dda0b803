// Mutation testing of lib/redact: the redaction unit tests only, without the 2 MB adversarial inputs (they
// outlast any timeout once Stryker instruments the engine) and the regression record (a hash over thousands
// of results: a mutant counts as killed only when a test names the behaviour it breaks).
// Use: npm run mutate:redact -- lib/redact/scan-text.ts (stryker.redact.config.mjs points here).
import { defineConfig, mergeConfig } from 'vitest/config';
import base from './vitest.config';

export default mergeConfig(
  base,
  defineConfig({
    test: {
      include: ['tests/unit/redact/**/*.test.ts'],
      exclude: [
        'tests/unit/redact/huge-input.test.ts',
        'tests/unit/redact/regression.test.ts',
        'node_modules/**',
      ],
    },
  }),
);
