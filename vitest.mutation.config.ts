// The unit suite as mutation testing runs it (stryker.config.mjs). Stryker instruments the mutated file with
// coverage counters, which makes the engine many times slower: the 2 MB adversarial pastes of
// tests/unit/redact/huge-input.test.ts (they check the stack never overflows, not what is found) then
// outlast any timeout. The plain `npx vitest run` keeps them.
import { defineConfig, mergeConfig } from 'vitest/config';
import base from './vitest.config';

export default mergeConfig(
  base,
  defineConfig({ test: { exclude: ['tests/unit/redact/huge-input.test.ts', 'node_modules/**'] } }),
);
