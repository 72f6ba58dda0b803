import { defineConfig } from '@playwright/test';

// One worker: extension tests launch whole browsers and some write machine-wide managed policy.
export default defineConfig({
  testDir: 'tests/e2e',
  workers: 1,
  fullyParallel: false,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  retries: 0,
  reporter: [['list']],
});
