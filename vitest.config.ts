// Vitest settings, in three tiers (vitest projects), so that someone changing one rule has a quick
// loop and CI still runs everything:
//   unit         the rules, tokenizer, statements, engine, fixer, catalog, formats (fixtures),
//                corpora goldens, LSP units: in-process or the built CLI, no server, no browser.
//                `npm run test:unit` (it builds first: the fixtures run the built CLI).
//   integration  real parts: MariaDB (verify, live databases, compose), Chromium (playground,
//                report), npm pack, pre-commit, the LSP over stdio, the CLI end to end, scale.
//   fuzz         the seeded property runs (streaming and composition of fixes).
// `npm test` runs all three, as `.ci/run` does. Many tests run the real CLI, npm, pre-commit,
// MariaDB or Chromium in child processes; on a loaded machine (CI, or a developer's laptop building
// something else) those can take far longer than vitest's 5 s default without anything being
// wrong, so the time limits here only guard against hangs. No test asserts on time.
import { defineConfig } from 'vitest/config';

/** The unit tier: everything that needs no server, browser, package manager or hook runner. */
export const UNIT = [
  'test/rules/**/*.test.ts',
  'test/tokenize.test.ts',
  'test/statements.test.ts',
  'test/compound.test.ts',
  'test/fixer.test.ts',
  'test/catalog.test.ts',
  'test/meta.test.ts',
  'test/core.test.ts',
  'test/corpus.test.ts',
  'test/corpus-public.test.ts',
  'test/golden.test.ts',
  'test/fix-places.test.ts',
  'test/advice-corpus.test.ts',
  'test/verify-scope.test.ts',
  'test/playground-state.test.ts',
  'test/lsp-units.test.ts',
  'test/redos.test.ts',
  'test/atomic.test.ts',
  'test/fixtures.test.ts',
  'test/docs.test.ts',
  'test/bytes.test.ts',
];

/** The fuzz tier: seeded property runs (FUZZ_SEED and FUZZ_RUNS widen them; bin/fuzz.mjs). */
export const FUZZ = ['test/fuzz.test.ts', 'test/fuzz-compose.test.ts'];

export default defineConfig({
  test: {
    // Internal modules need an entry point's parser and diff loaders (src/core/deps.ts).
    setupFiles: ['test/setup.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    projects: [
      { extends: true, test: { name: 'unit', include: UNIT } },
      { extends: true, test: { name: 'integration', include: ['test/**/*.test.ts'], exclude: [...UNIT, ...FUZZ] } },
      { extends: true, test: { name: 'fuzz', include: FUZZ } },
    ],
  },
});
