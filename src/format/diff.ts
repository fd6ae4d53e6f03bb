// The unified diff report of input vs clean script: the only module that imports `diff`.
import { createTwoFilesPatch } from 'diff';

/** A unified diff from `before` to `after`, empty when they are equal. */
export function unifiedDiff(before: string, after: string, filename = 'input.sql'): string {
  if (before === after) return '';
  const patch = createTwoFilesPatch(filename, filename, before, after, 'original', 'clean', { context: 3 });
  return patch.endsWith('\n') ? patch : patch + '\n';
}
