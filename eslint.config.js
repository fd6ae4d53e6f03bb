// The project lints itself: ESLint with typescript-eslint, type-checked, over the sources, the
// rules, the tests and the scripts. `npm run lint` (part of `npm test`). The rules chosen are the
// ones that catch real bugs in this code base — promises nobody awaits or that are handed where a
// callback's result is ignored (the stream, the worker pools, the LSP and the live reader are
// async), awaits of things that are not promises, and dead variables — on top of the recommended
// sets; formatting is prettier's job, not ESLint's.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: ['dist/**', 'node_modules/**', '.vitest-tmp/**', 'test-artifacts/**', 'coverage/**'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    files: ['**/*.ts'],
    languageOptions: {
      parserOptions: {
        projectService: { allowDefaultProject: ['vitest.config.ts'] },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
      // Off, with reasons: an async function without await is how this code implements an
      // interface that returns a promise (executors, fake clients, async generators feeding a
      // stream); the regular expressions with control characters match them on purpose (ANSI
      // escapes in terminal output, characters XML forbids in JUnit reports).
      '@typescript-eslint/require-await': 'off',
      'no-control-regex': 'off',
    },
  },
  {
    // Tests read JSON documents (SARIF, LSP messages, reports) and vitest's asymmetric matchers,
    // both typed `any`: the no-unsafe-* family would only ask for casts there. The sources keep it.
    files: ['test/**/*.ts'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
  {
    // The scripts in bin/ and the configs are JavaScript: no types to check them with.
    files: ['**/*.mjs', '**/*.js', '**/*.cjs'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    files: ['**/*.mjs', '**/*.js', '**/*.cjs'],
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        Buffer: 'readonly',
        URL: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        setInterval: 'readonly',
        clearInterval: 'readonly',
        performance: 'readonly',
        TextDecoder: 'readonly',
        TextEncoder: 'readonly',
        PerformanceObserver: 'readonly',
      },
    },
  },
);
