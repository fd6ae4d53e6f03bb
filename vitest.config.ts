import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Internal modules need an entry point's parser and diff loaders (src/deps.ts).
    setupFiles: ['test/setup.ts'],
    // CPU-bound tests (the ReDoS checker, corpus parsing) took 8–9 s on the loaded 2-core machine:
    // the 5 s default made them fail on load, not on a bug. Tests with their own timeout keep it.
    testTimeout: 60_000,
  },
});
