// The suite runs real processes (the CLI, tsc, pre-commit, mariadbd) on a shared 2-core machine:
// vitest's 5-second default fails tests that only had to wait. Timeouts are not assertions.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: { testTimeout: 60_000 },
});
