// The unified diff report of input vs clean script: the only module that uses `diff`, and only
// when a diff is made (a check never pays for it; how it is loaded is the entry point's choice, see
// deps.ts).
import { diffLibrary } from '../core/deps.js';

/** A unified diff from `before` to `after`, empty when they are equal. */
export function unifiedDiff(before: string, after: string, filename = 'input.sql'): string {
  if (before === after) return '';
  const patch = diffLibrary().createTwoFilesPatch(filename, filename, before, after, 'original', 'clean', {
    context: 3,
  });
  return patch.endsWith('\n') ? patch : patch + '\n';
}
