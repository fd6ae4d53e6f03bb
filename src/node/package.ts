// Files the package ships beside its code that the CLI reads at run time: the rule pages
// (rules/<id>.md, next to the rule sources) and package.json (for the version).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

// Both paths are relative to this module as built (dist/src/node/package.js).
const RULES_DOC_DIR = fileURLToPath(new URL('../../../rules/', import.meta.url));
const PACKAGE_JSON = fileURLToPath(new URL('../../../package.json', import.meta.url));

/** A rule's page (rules/<id>.md), or undefined when there is none. */
export function ruleDoc(id: string): string | undefined {
  try {
    return readFileSync(join(RULES_DOC_DIR, `${id}.md`), 'utf8');
  } catch {
    return undefined;
  }
}

/** The package's version, from its package.json. */
export function packageVersion(): string {
  return (JSON.parse(readFileSync(PACKAGE_JSON, 'utf8')) as { version: string }).version;
}
