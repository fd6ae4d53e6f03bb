// Vitest settings. Many tests run the real CLI, npm, pre-commit, MariaDB or Chromium in child
// processes; on a loaded machine (CI, or a developer's laptop building something else) those can
// take far longer than vitest's 5 s default without anything being wrong, so the time limits
// here only guard against hangs. No test asserts on time.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Internal modules need an entry point's parser and diff loaders (src/deps.ts).
    setupFiles: ['test/setup.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
