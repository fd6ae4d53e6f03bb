import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Internal modules need an entry point's parser and diff loaders (src/deps.ts).
    setupFiles: ['test/setup.ts'],
  },
});
