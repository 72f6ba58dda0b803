import { defineConfig } from '@playwright/test';

// `npm run screenshots`: the documentation's pictures, taken from the built extension with the e2e fixtures.
export default defineConfig({
  testDir: 'tests/screenshots',
  workers: 1,
  timeout: 120_000,
  expect: { timeout: 10_000 },
  retries: 0,
  reporter: [['list']],
});
