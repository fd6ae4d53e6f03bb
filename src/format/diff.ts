// The unified diff report of input vs clean script: the only module that loads `diff`, and only
// when a diff is made (a check never pays for it).
import { createRequire } from 'node:module';

let diffModule: typeof import('diff') | undefined;

/** A unified diff from `before` to `after`, empty when they are equal. */
export function unifiedDiff(before: string, after: string, filename = 'input.sql'): string {
  if (before === after) return '';
  diffModule ??= createRequire(import.meta.url)('diff') as typeof import('diff');
  const patch = diffModule.createTwoFilesPatch(filename, filename, before, after, 'original', 'clean', { context: 3 });
  return patch.endsWith('\n') ? patch : patch + '\n';
}
